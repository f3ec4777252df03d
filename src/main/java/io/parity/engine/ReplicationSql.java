package io.parity.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Replication as the server reports it: where its binary log stands, how to wait for a position, whether it is a
 * replica and how far behind, how busy it is and whether it is read-only. Used by GTID fencing, the throttle, repair's
 * replica check and the cutover gates.
 */
public interface ReplicationSql {

    /** One row, one column: the server's executed GTID position (MySQL's executed set, MariaDB's per-domain list). */
    String gtidPosition();

    /**
     * Waits until this server (a replica) has applied {@code position}; one row whose first column is 0 when it has,
     * non-zero on timeout.
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

    /** One row: the server's id, and its UUID or NULL where the engine has none. */
    String serverIdentity();

    /** The link a {@link #replicaStatus()} row describes. */
    ReplicaLink replicaLink(ResultSet row) throws SQLException;

    /**
     * Rows whose second column counts the row changes the server has committed: their sum moves whenever it applies a
     * write, from a client or from replication, and stays put while it is idle.
     */
    String writeActivity();

    /** One row, two columns: {@code read_only} and {@code super_read_only} (0 where the engine has no second one). */
    String readOnly();
}
