package io.parity.gate;

/**
 * How a runbook step ended, as reports show it. {@link #ERROR} is "could not measure" (exit 3), distinct from a gate
 * that measured and failed; {@link #NOT_REACHED} marks steps after the point where the flow stopped.
 */
public enum StepStatus {
    PASS, FAIL, ERROR, SKIPPED, PAUSED, NOT_REACHED
}
