package io.parity.gate;

import io.parity.spec.Durations;

import java.time.Duration;

/**
 * A gate that is waiting, as its progress line tells it: what keeps it from passing now and how long it may still
 * wait, e.g. {@code gate lag: Seconds_Behind 7 s (max-delay 5 s); 1 m 40 s until timeout}. Plain text on one line, so
 * it reads the same in a terminal, a CI log and a file.
 *
 * @param gate         gate name
 * @param reason       the WAIT decision's sentence for the latest observation
 * @param elapsed      time since the first observation
 * @param left         time until the timeout turns the WAIT into a FAIL
 * @param observations observations taken so far
 */
public record GateWait(String gate, String reason, Duration elapsed, Duration left, int observations) {

    public String line() {
        return "gate " + gate + ": " + reason + "; " + Durations.format(left) + " until timeout";
    }
}
