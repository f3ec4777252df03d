package io.parity.gate;

import io.parity.core.Side;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The destination's native replica status, when it is a native replica. MariaDB keeps the {@code Slave_*} /
 * {@code *_Master} column names under {@code SHOW REPLICA STATUS}; MySQL 8.0.22+ renames them {@code Replica_*} /
 * {@code *_Source}; both are read. PostgreSQL reports the same facts in the engine's own columns ({@code io_running}:
 * the WAL receiver streams or the apply worker runs; {@code sql_running}: replay is not paused or the subscription
 * is enabled) and names its kind, a physical {@code standby} or a logical {@code subscription}.
 *
 * @param present        false when the destination is not a native replica (another replicator, or none)
 * @param ioRunning      {@code Yes}, {@code No} or {@code Connecting}
 * @param sqlRunning     {@code Yes} or {@code No}
 * @param secondsBehind  {@code Seconds_Behind_*}, null when the server does not know (a thread is stopped)
 * @param lastError      the last IO or SQL error text, empty when none
 * @param kind           {@code standby} or {@code subscription} on PostgreSQL, null on MySQL and MariaDB
 * @param bytesBehind    WAL a standby received and has not replayed, null where not known
 * @param lastSqlError   MySQL/MariaDB {@code Last_SQL_Error}, empty when none (or on PostgreSQL)
 * @param lastIoError    MySQL/MariaDB {@code Last_IO_Error}, empty when none (or on PostgreSQL)
 */
public record ReplicaStatus(boolean present, String ioRunning, String sqlRunning, Long secondsBehind, String lastError,
                            String kind, Long bytesBehind, String lastSqlError, String lastIoError) {

    public static final ReplicaStatus NONE = new ReplicaStatus(false, "", "", null, "", null, null, "", "");

    public boolean running() {
        return "Yes".equalsIgnoreCase(ioRunning) && "Yes".equalsIgnoreCase(sqlRunning);
    }

    /** The destination's status: the forward direction. */
    public static ReplicaStatus read(GateContext context) {
        return read(context, Side.DESTINATION);
    }

    public static ReplicaStatus read(GateContext context, Side side) {
        return context.on(side, "reading the replica status", (c, sql) -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.replication().replicaStatus())) {
                if (!rs.next()) {
                    return NONE;
                }
                Map<String, String> row = row(rs);
                String behind = first(row, "seconds_behind_master", "seconds_behind_source", "seconds_behind");
                String error = first(row, "last_sql_error", "last_io_error", "last_error");
                if (error.isEmpty()) {
                    error = row.getOrDefault("last_io_error", "");
                }
                String kind = first(row, "replica_kind");
                String bytes = first(row, "bytes_behind");
                return new ReplicaStatus(true, first(row, "slave_io_running", "replica_io_running", "io_running"),
                        first(row, "slave_sql_running", "replica_sql_running", "sql_running"),
                        behind.isEmpty() ? null : Long.valueOf(behind), error, kind.isEmpty() ? null : kind,
                        bytes.isEmpty() ? null : Long.valueOf(bytes), first(row, "last_sql_error"),
                        first(row, "last_io_error"));
            }
        });
    }

    /** The evidence form. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("native_replica", present);
        if (present) {
            if (kind != null) {
                v.put("replica_kind", kind);
            }
            v.put("io_running", ioRunning);
            v.put("sql_running", sqlRunning);
            v.put("seconds_behind", secondsBehind);
            if (kind != null) {
                v.put("bytes_behind", bytesBehind);
            }
            v.put("last_error", lastError);
            if (kind == null) {
                // apart, because an IO error while the thread reconnects may heal and an SQL error never does
                v.put("last_sql_error", lastSqlError);
                v.put("last_io_error", lastIoError);
            }
        }
        return v;
    }

    public String describe() {
        if (!present) {
            return "not a native replica";
        }
        if ("standby".equals(kind)) {
            return "standby: WAL receiver " + ("Yes".equals(ioRunning) ? "streaming" : ioRunning) + ", replay "
                    + ("Yes".equals(sqlRunning) ? "running" : "paused") + ", "
                    + (secondsBehind == null ? "delay unknown" : secondsBehind + " s") + " and "
                    + (bytesBehind == null ? "?" : bytesBehind) + " bytes behind";
        }
        if ("subscription".equals(kind)) {
            return "subscriber: apply worker " + ("Yes".equals(ioRunning) ? "running" : "not running")
                    + ", subscription " + ("Yes".equals(sqlRunning) ? "enabled" : "disabled");
        }
        return "IO thread " + ioRunning + ", SQL thread " + sqlRunning + ", Seconds_Behind "
                + (secondsBehind == null ? "NULL" : secondsBehind)
                + (lastError.isEmpty() ? "" : ", last error: " + lastError);
    }

    private static Map<String, String> row(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, String> row = new HashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String v = rs.getString(i);
            row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), v == null ? "" : v);
        }
        return row;
    }

    private static String first(Map<String, String> row, String... names) {
        for (String n : names) {
            String v = row.get(n);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
