package io.parity.gate;

/**
 * What a gate decided. {@link #WAIT} means "not yet, and waiting may change it": the runner polls again until the
 * gate's timeout, then reports the gate as failed with the whole series as evidence.
 */
public enum GateStatus {
    PASS, FAIL, WAIT
}
