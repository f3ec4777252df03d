package io.parity.spec;

/**
 * How a run keeps rows that are only in flight out of its differences ({@code options.fence}).
 * <ul>
 *   <li>{@code auto} (default): fence by GTID when the destination replicates natively from the source and applies
 *       now; otherwise re-check differences until the destination is quiet (up to {@code recheck.max-wait})</li>
 *   <li>{@code gtid}: always fence by GTID; refused where an engine has no GTIDs</li>
 *   <li>{@code none}: no fence, and exactly {@code recheck.attempts} re-checks</li>
 * </ul>
 */
public enum FenceMode {
    AUTO, GTID, NONE
}
