package io.parity.gate;

/**
 * A gate's decision with the sentence a person reads first, e.g. {@code "replica SQL thread is not running"}.
 *
 * @param status PASS, FAIL or WAIT
 * @param reason why, with the measured values and the threshold they were held against
 */
public record Decision(GateStatus status, String reason) {

    public static Decision pass(String reason) {
        return new Decision(GateStatus.PASS, reason);
    }

    public static Decision fail(String reason) {
        return new Decision(GateStatus.FAIL, reason);
    }

    public static Decision waitFor(String reason) {
        return new Decision(GateStatus.WAIT, reason);
    }
}
