package io.parity.engine.mysql;

import io.parity.engine.ReplicaLink;
import io.parity.engine.ReplicationSql;
import io.parity.engine.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** MySQL 5.7 and 8: executed GTID sets, {@code WAIT_FOR_EXECUTED_GTID_SET}, {@code SHOW REPLICA STATUS}. */
class MySqlReplication implements ReplicationSql {

    /** Replica status; MariaDB 10.5.1+ and MySQL 8.0.22+ both accept the REPLICA spelling. */
    static final String REPLICA_STATUS = "SHOW REPLICA STATUS";

    /** The same on MySQL 5.7 and 8.0 before 8.0.22, and MariaDB before 10.5.1. */
    static final String SLAVE_STATUS = "SHOW SLAVE STATUS";

    private final boolean replicaStatements;

    /** @param replicaStatements whether the server knows {@code SHOW REPLICA STATUS} */
    MySqlReplication(boolean replicaStatements) {
        this.replicaStatements = replicaStatements;
    }

    @Override
    public String gtidPosition() {
        return "SELECT @@global.gtid_executed";
    }

    /** WAIT_FOR_EXECUTED_GTID_SET returns 0 once applied, 1 on timeout. */
    @Override
    public SqlStatement waitForGtid(String position, Duration timeout) {
        return new SqlStatement("SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)", List.of(position, timeout.toSeconds()));
    }

    /** MySQL 8.0.22+ spells it SHOW REPLICAS; both list Host and Port (a replica's report_host, or its address). */
    @Override
    public java.util.Optional<String> replicaHosts() {
        return java.util.Optional.of(replicaStatements ? "SHOW REPLICAS" : "SHOW SLAVE HOSTS");
    }

    @Override
    public String threadsRunning() {
        return "SHOW GLOBAL STATUS LIKE 'Threads_running'";
    }

    @Override
    public String replicaStatus() {
        return replicaStatements ? REPLICA_STATUS : SLAVE_STATUS;
    }

    /** MySQL 8.0.22+ names it Seconds_Behind_Source; MariaDB and older MySQL Seconds_Behind_Master. NULL = stopped. */
    @Override
    public Long replicaLagSeconds(ResultSet row) throws SQLException {
        for (String column : new String[] {"Seconds_Behind_Source", "Seconds_Behind_Master"}) {
            try {
                long lag = row.getLong(column);
                return row.wasNull() ? Long.MAX_VALUE : lag;
            } catch (SQLException e) {
                // the other name
            }
        }
        return null;
    }

    @Override
    public String replicaSource(ResultSet row) {
        for (String column : new String[] {"Source_Host", "Master_Host"}) {
            try {
                return row.getString(column);
            } catch (SQLException e) {
                // the older name
            }
        }
        return null;
    }

    @Override
    public String serverIdentity() {
        return "SELECT @@server_id, @@server_uuid";
    }

    /** MySQL 8.0.22+ names the columns Source_* and Replica_*; MariaDB and older MySQL Master_* and Slave_*. */
    @Override
    public ReplicaLink replicaLink(ResultSet row) throws SQLException {
        String port = column(row, "Source_Port", "Master_Port");
        String id = column(row, "Source_Server_Id", "Master_Server_Id");
        return new ReplicaLink(column(row, "Source_Host", "Master_Host"), port == null ? 0 : Integer.parseInt(port),
                id == null ? -1 : Long.parseLong(id), column(row, "Source_UUID", "Master_UUID"),
                "Yes".equalsIgnoreCase(column(row, "Replica_IO_Running", "Slave_IO_Running")),
                "Yes".equalsIgnoreCase(column(row, "Replica_SQL_Running", "Slave_SQL_Running")));
    }

    /**
     * The handler's row-write counters move with every change, a client's or the replica applier's row events, with or
     * without a binary log (MariaDB has no {@code Innodb_rows_*}). They also count writes that roll back: that only
     * makes a re-check wait longer, never confirm early.
     */
    @Override
    public String writeActivity() {
        return "SHOW GLOBAL STATUS WHERE Variable_name IN ('Handler_write', 'Handler_update', 'Handler_delete')";
    }

    @Override
    public String readOnly() {
        return "SELECT @@GLOBAL.read_only, @@GLOBAL.super_read_only";
    }

    /** The first of these columns the row has, or null (an empty UUID is null too). */
    private static String column(ResultSet row, String... names) {
        for (String name : names) {
            try {
                String v = row.getString(name);
                return v == null || v.isEmpty() ? null : v;
            } catch (SQLException e) {
                // the other spelling
            }
        }
        return null;
    }
}
