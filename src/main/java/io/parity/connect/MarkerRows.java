package io.parity.connect;

import io.parity.engine.CutoverSql;
import io.parity.spec.HeartbeatSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Parity's own marker rows ({@code parity_heartbeat}, {@code parity_canary}): one row per id holding the latest
 * sequence and its write time. Written by the cutover gates, and by a verify that waits for an unseen replicator to
 * carry its heartbeat. Writes run in the heartbeat's GTID domain when one is configured, and past a
 * session-level read-only setting where the engine has one (PostgreSQL).
 */
public final class MarkerRows {

    /** The forward marker: written on the source, watched for on the destination. */
    public static final String HEARTBEAT_TABLE = "parity_heartbeat";

    private MarkerRows() {
    }

    /**
     * Checked before creating: {@code CREATE ... IF NOT EXISTS} is written to the binary log even when it does
     * nothing, which would move the source's position on every heartbeat and slow the replica with DDL.
     */
    public static boolean exists(Connection c, CutoverSql sql, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.tableExists())) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static void create(Connection c, CutoverSql sql, String schema, String table) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql.createSchema(schema));
            st.execute(sql.createMarkerTable(schema, table));
        }
    }

    public static void write(Connection c, CutoverSql sql, HeartbeatSettings hb, String table, long seq, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.writeMarker(hb.schema(), table))) {
            ps.setString(1, hb.id());
            ps.setLong(2, seq);
            ps.setObject(3, sql.markerTime(at));
            ps.executeUpdate();
        }
    }

    /** A statement of Parity's own, run in the heartbeat's GTID domain when one is configured (MariaDB). */
    @FunctionalInterface
    public interface OwnWrite {
        void run() throws SQLException;
    }

    public static void inDomain(Connection c, CutoverSql sql, HeartbeatSettings hb, OwnWrite write) throws SQLException {
        CutoverSql.GtidDomainSql domains = hb.gtidDomainId() == null ? null : sql.gtidDomains().orElse(null);
        CutoverSql.SessionSwitch own = sql.ownWrites().orElse(null);
        if (domains != null) {
            setDomain(c, domains, hb.gtidDomainId());
        }
        if (own != null) {
            execute(c, own.on());
        }
        try {
            write.run();
        } finally {
            if (own != null) {
                execute(c, own.off());
            }
            if (domains != null) {
                execute(c, domains.reset());
            }
        }
    }

    private static void execute(Connection c, String statement) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static void setDomain(Connection c, CutoverSql.GtidDomainSql domains, long domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(domains.set())) {
            ps.setLong(1, domain);
            ps.execute();
        }
    }

    public static Long read(Connection c, CutoverSql sql, HeartbeatSettings hb, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.readMarker(hb.schema(), table))) {
            ps.setString(1, hb.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            if (sql.markerMissing(e)) {
                return null; // not replicated yet: the same as "not visible"
            }
            throw e;
        }
    }
}
