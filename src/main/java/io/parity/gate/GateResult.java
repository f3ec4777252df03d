package io.parity.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of running one gate to its end: the final decision (never WAIT: a WAIT that outlived the timeout is a
 * FAIL) and every observation that led to it.
 *
 * @param gate     gate name
 * @param decision final decision
 * @param series   all observations, oldest first
 * @param started  when the first observation began
 * @param took     wall time from first observation to decision
 * @param waited   how many observations, how long, what moved and how it ended
 */
public record GateResult(String gate, Decision decision, List<Observation> series, Instant started, Duration took,
                         WaitSummary waited) {

    public GateResult {
        series = List.copyOf(series);
    }

    public GateStatus status() {
        return decision.status();
    }
}
