package io.parity.engine.mysql;

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
    public String readOnly() {
        return "SELECT @@GLOBAL.read_only, @@GLOBAL.super_read_only";
    }
}
