package io.parity.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Replication as the server reports it: where its log stands, how to wait for a position, whether it is a replica and
 * how far behind, how busy it is and whether it is read-only. Used by position fencing, the throttle, repair's replica
 * check and the cutover gates. The position is a GTID set on MySQL and MariaDB and a WAL LSN on PostgreSQL; only
 * positions of one engine family are ever compared.
 */
public interface ReplicationSql {

    /**
     * One row, one column: the server's position (MySQL's executed GTID set, MariaDB's per-domain list; on PostgreSQL
     * the WAL LSN written on a primary, replayed on a standby).
     */
    String gtidPosition();

    /**
     * Asks whether this server (a replica) has applied {@code position}: one row whose first column is 0 when it has,
     * non-zero when not. An engine that can block waits up to {@code timeout} first (MySQL, MariaDB); one that cannot
     * answers at once (PostgreSQL), and the caller asks again until its own deadline.
     */
    SqlStatement waitForGtid(String position, Duration timeout);

    /** A query returning the count of running threads in its second column. */
    String threadsRunning();

    /** A query returning a row when the server replicates from another, read with the two methods below. */
    String replicaStatus();

    /** The replica's delay in seconds from a {@link #replicaStatus()} row; {@link Long#MAX_VALUE} when stopped. */
    Long replicaLagSeconds(ResultSet row) throws SQLException;

    /** The host the replica replicates from, from a {@link #replicaStatus()} row, or null. */
    String replicaSource(ResultSet row);

    /**
     * The replicas registered with this server, as rows with {@code Host} and {@code Port} columns, for connecting to
     * them; empty where the engine lists none (PostgreSQL reports its replicas' delay itself: {@link #downstream()}).
     */
    default Optional<String> replicaHosts() {
        return Optional.empty();
    }

    /**
     * The logical replication slots of the connected database, one {@code slot_name} a row: what a logical subscriber
     * elsewhere reads from; empty where the engine has none.
     */
    default Optional<String> logicalSlots() {
        return Optional.empty();
    }

    /**
     * On a logical subscriber: the names of the publisher's slots its connected database's subscriptions read from, one
     * {@code slot_name} a row; empty where the engine has no logical subscriptions.
     */
    default Optional<String> subscribedSlots() {
        return Optional.empty();
    }

    /**
     * On a publisher: whether every one of {@code slots} (logical slots of the connected database) has had
     * {@code position} confirmed as applied by its subscriber; one row whose first column is 0 when all have. This is
     * the publisher's side of {@link #waitForGtid}: a subscriber reports its applied position to the publisher with
     * every reply, while what it shows itself can stay behind until the publisher's next keepalive.
     */
    default Optional<SqlStatement> slotsConfirmed(String position, java.util.List<String> slots) {
        return Optional.empty();
    }

    /** One row: the server's id, and its UUID or NULL where the engine has none. */
    String serverIdentity();

    /** The link a {@link #replicaStatus()} row describes. */
    ReplicaLink replicaLink(ResultSet row) throws SQLException;

    /**
     * Rows whose second column counts the row changes the server has committed: their sum moves whenever it applies a
     * write, from a client or from replication, and stays put while it is idle.
     */
    String writeActivity();

    /**
     * Each replica streaming from this server, as the server sees it: {@code name, client, state, bytes_behind,
     * replay_lag_ms} (the last two null when unknown); empty where the server does not report their delay.
     */
    default Optional<String> downstream() {
        return Optional.empty();
    }

    /** One row, two columns: {@code read_only} and {@code super_read_only} (0 where the engine has no second one). */
    String readOnly();

    /** The setting {@link #readOnly()} reports, as an operator would set it: {@code read_only}. */
    default String readOnlyName() {
        return "read_only";
    }
}
