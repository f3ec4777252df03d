package io.parity.gate;

import java.time.Instant;

/**
 * One step's result, the unit of the JSON evidence, the JUnit test case and the summary row.
 *
 * @param id       step id, e.g. {@code 03-sessions}
 * @param kind     {@code gate} or {@code action}
 * @param name     gate name or action kind
 * @param status   how it ended
 * @param required whether a FAIL or ERROR here fails the run
 * @param reason   the decision's sentence, the disabled reason, or what went wrong
 * @param started  when it started, or null when not reached
 * @param millis   how long it took
 */
public record StepOutcome(String id, String kind, String name, StepStatus status, boolean required, String reason,
                          Instant started, long millis) {

    /** Whether this outcome fails the run: a required step that failed or could not measure. */
    public boolean blocks() {
        return required && (status == StepStatus.FAIL || status == StepStatus.ERROR);
    }
}
