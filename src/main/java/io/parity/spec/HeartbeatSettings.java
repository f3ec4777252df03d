package io.parity.spec;

/**
 * Where and how Parity writes its heartbeat ({@code cutover.heartbeat}).
 *
 * @param schema       database holding {@code parity_heartbeat} and {@code parity_canary}; created on the source if
 *                     missing and replicated from there (default {@code parity})
 * @param id           the heartbeat row's id, so several jobs can share a table (default: the job name)
 * @param gtidDomainId MariaDB only, optional: heartbeat transactions go to this GTID domain, and
 *                     {@code writes-stopped} ignores it, so a heartbeat written by another Parity process during the
 *                     window does not count as a write
 */
public record HeartbeatSettings(String schema, String id, Long gtidDomainId) {

    public static final String DEFAULT_SCHEMA = "parity";
}
