package io.parity.engine.postgres;

import io.parity.engine.ReplicaLink;
import io.parity.engine.ReplicationSql;
import io.parity.engine.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL replication by WAL position: a primary's {@code pg_current_wal_lsn()} and the replicas it streams to
 * ({@code pg_stat_replication}), a physical standby's {@code pg_last_wal_replay_lsn()} and its WAL receiver, a logical
 * subscriber's apply workers in {@code pg_stat_subscription}. PostgreSQL before 17 has no function that blocks until a position is replayed, so
 * {@link #waitForGtid} answers at once and the caller polls.
 *
 * <pre>
 * SELECT CASE WHEN COALESCE(pg_last_wal_replay_lsn(), (SELECT ... min(w.latest_end_lsn) FROM pg_subscription s
 *   LEFT JOIN pg_stat_subscription w ...)) &gt;= CAST(? AS pg_lsn) THEN 0 ELSE 1 END
 * </pre>
 */
class PostgresReplication implements ReplicationSql {

    static final String POSITION = "SELECT CAST(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
            + " ELSE pg_current_wal_lsn() END AS text)";

    /**
     * A standby has applied what it replayed; a subscriber has applied what its apply worker last reported to the
     * publisher ({@code latest_end_lsn}, in the publisher's WAL). Every subscription of the connected database counts,
     * the slowest deciding, and one that is disabled or has no worker has applied nothing.
     */
    static final String REACHED = "SELECT CASE WHEN COALESCE(pg_last_wal_replay_lsn(),"
            + " (SELECT CASE WHEN count(*) = count(w.latest_end_lsn) THEN min(w.latest_end_lsn) END"
            + " FROM pg_subscription s LEFT JOIN pg_stat_subscription w ON w.subid = s.oid AND w.relid IS NULL"
            + " WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())))"
            + " >= CAST(? AS pg_lsn) THEN 0 ELSE 1 END";

    static final String THREADS_RUNNING = "SELECT 'active', count(*) FROM pg_stat_activity"
            + " WHERE state = 'active' AND backend_type = 'client backend'";

    /**
     * One row on a standby or a subscriber, in the replica-status vocabulary the gates read: {@code io_running} is
     * whether changes arrive (the WAL receiver streams, the apply worker runs), {@code sql_running} whether they are
     * applied (replay not paused, subscription enabled). A standby's delay is 0 when it replayed all it received,
     * else the age of the last replayed transaction, and NULL when it receives or replays nothing; a subscriber's
     * delay is not reported by the server (the heartbeat measures it).
     */
    static final String REPLICA_STATUS = "SELECT 'standby' AS replica_kind,"
            + " CASE WHEN r.status = 'streaming' THEN 'Yes' WHEN r.status IS NULL THEN 'No' ELSE r.status END AS io_running,"
            + " CASE WHEN pg_is_wal_replay_paused() THEN 'No' ELSE 'Yes' END AS sql_running,"
            + " CASE WHEN r.status IS DISTINCT FROM 'streaming' OR pg_is_wal_replay_paused() THEN NULL"
            + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
            + " ELSE CAST(floor(extract(epoch FROM now() - pg_last_xact_replay_timestamp())) AS bigint) END AS seconds_behind,"
            + " CAST(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS bigint) AS bytes_behind,"
            + " '' AS last_error, r.sender_host AS source_host, r.sender_port AS source_port,"
            + " CAST((SELECT system_identifier FROM pg_control_system()) AS text) AS source_system,"
            + " CAST(NULL AS text) AS source_slot"
            + " FROM (SELECT 1) one LEFT JOIN pg_stat_wal_receiver r ON true WHERE pg_is_in_recovery()"
            + " UNION ALL"
            + " SELECT 'subscription', CASE WHEN w.pid IS NULL THEN 'No' ELSE 'Yes' END,"
            + " CASE WHEN s.subenabled THEN 'Yes' ELSE 'No' END, NULL, NULL, '', 'subscription ' || s.subname, NULL,"
            + " NULL, CAST(s.subslotname AS text)"
            + " FROM pg_subscription s LEFT JOIN pg_stat_subscription w ON w.subid = s.oid AND w.relid IS NULL"
            + " WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND NOT pg_is_in_recovery()";

    /**
     * On by the database's own setting when it has one ({@code ALTER DATABASE ... SET}, read from the catalog so a
     * change after this session started counts), else by the session's value of the system setting; a standby is
     * read-only by nature.
     */
    static final String READ_ONLY = "SELECT CASE WHEN pg_is_in_recovery() THEN 1"
            + " WHEN d.value IS NOT NULL THEN CASE WHEN CAST(d.value AS boolean) THEN 1 ELSE 0 END"
            + " WHEN CAST(current_setting('default_transaction_read_only') AS boolean) THEN 1 ELSE 0 END, 0"
            + " FROM (SELECT (SELECT substring(c FROM position('=' IN c) + 1) FROM pg_db_role_setting s,"
            + " unnest(s.setconfig) c WHERE s.setrole = 0 AND c LIKE 'default\\_transaction\\_read\\_only=%'"
            + " AND s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())) AS value) d";

    /** Physical standbys and logical walsenders alike; a cascading standby measures against what it replayed. */
    static final String DOWNSTREAM = "SELECT application_name AS name, COALESCE(host(client_addr), 'local') AS client,"
            + " state, CAST(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
            + " ELSE pg_current_wal_lsn() END, replay_lsn) AS bigint) AS bytes_behind,"
            + " CAST(floor(extract(epoch FROM replay_lag) * 1000) AS bigint) AS replay_lag_ms"
            + " FROM pg_stat_replication ORDER BY application_name, pid";

    @Override
    public String gtidPosition() {
        return POSITION;
    }

    /** Answers at once; {@code timeout} is the caller's to keep. */
    @Override
    public SqlStatement waitForGtid(String position, Duration timeout) {
        return new SqlStatement(REACHED, List.of(position));
    }

    @Override
    public String threadsRunning() {
        return THREADS_RUNNING;
    }

    @Override
    public String replicaStatus() {
        return REPLICA_STATUS;
    }

    /** NULL from a standby means it receives or replays nothing: stopped; a subscriber's delay is unknown (null). */
    @Override
    public Long replicaLagSeconds(ResultSet row) throws SQLException {
        long lag = row.getLong("seconds_behind");
        if (!row.wasNull()) {
            return lag;
        }
        return "standby".equals(row.getString("replica_kind")) ? Long.MAX_VALUE : null;
    }

    @Override
    public String replicaSource(ResultSet row) {
        try {
            return row.getString("source_host");
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * A cluster's identity is its {@code system_identifier}, which a physical standby shares with its primary; it
     * stands in for MySQL's server UUID, with server id 0.
     */
    @Override
    public String serverIdentity() {
        return "SELECT 0, CAST(system_identifier AS text) FROM pg_control_system()";
    }

    /**
     * A standby row links to the cluster whose WAL it replays (its own system identifier); a subscription row links to
     * the publisher's slot it reads from, matched against the source's {@link #logicalSlots()}.
     */
    @Override
    public ReplicaLink replicaLink(ResultSet row) throws SQLException {
        boolean standby = "standby".equals(row.getString("replica_kind"));
        int port = row.getInt("source_port");
        return new ReplicaLink(row.getString("source_host"), port, standby ? 0 : -1,
                row.getString("source_system"), "Yes".equals(row.getString("io_running")),
                "Yes".equals(row.getString("sql_running")), row.getString("source_slot"));
    }

    @Override
    public Optional<String> logicalSlots() {
        return Optional.of("SELECT slot_name FROM pg_replication_slots WHERE slot_type = 'logical'"
                + " AND database = current_database()");
    }

    /** Columns a non-superuser may read: {@code subslotname} and {@code subdbid} are granted to everyone. */
    @Override
    public Optional<String> subscribedSlots() {
        return Optional.of("SELECT subslotname FROM pg_subscription WHERE subslotname IS NOT NULL"
                + " AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    /** {@code confirmed_flush_lsn} moves with the subscriber's replies; {@code pg_replication_slots} is readable by all. */
    @Override
    public Optional<SqlStatement> slotsConfirmed(String position, List<String> slots) {
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(slots.size(), "?"));
        List<Object> params = new java.util.ArrayList<>();
        params.add(position);
        params.add(slots.size());
        params.addAll(slots);
        return Optional.of(new SqlStatement("SELECT CASE WHEN count(*) FILTER (WHERE confirmed_flush_lsn"
                + " >= CAST(? AS pg_lsn)) = ? THEN 0 ELSE 1 END FROM pg_replication_slots WHERE slot_type = 'logical'"
                + " AND database = current_database() AND slot_name IN (" + marks + ")", params));
    }

    /** The WAL position written (a primary) or replayed (a standby), in bytes: it moves with every write. */
    @Override
    public String writeActivity() {
        return "SELECT 'wal', CAST(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
                + " ELSE pg_current_wal_lsn() END, '0/0') AS bigint)";
    }

    @Override
    public Optional<String> downstream() {
        return Optional.of(DOWNSTREAM);
    }

    @Override
    public String readOnly() {
        return READ_ONLY;
    }

    @Override
    public String readOnlyName() {
        return "default_transaction_read_only";
    }
}
