package io.parity.engine.mysql;

import io.parity.engine.SqlStatement;

import java.time.Duration;
import java.util.List;

/** MariaDB: per-domain GTID positions, {@code MASTER_GTID_WAIT}, and no {@code super_read_only}. */
class MariaDbReplication extends MySqlReplication {

    MariaDbReplication(boolean replicaStatements) {
        super(replicaStatements);
    }

    @Override
    public String gtidPosition() {
        return "SELECT @@global.gtid_binlog_pos";
    }

    /** MASTER_GTID_WAIT returns 0 once the replica's gtid_slave_pos reaches the position, -1 on timeout. */
    @Override
    public SqlStatement waitForGtid(String position, Duration timeout) {
        return new SqlStatement("SELECT MASTER_GTID_WAIT(?, ?)", List.of(position, (double) timeout.toMillis() / 1000));
    }

    /** MariaDB has no SHOW REPLICAS (its alias is SHOW REPLICA HOSTS); SHOW SLAVE HOSTS works on every version. */
    @Override
    public java.util.Optional<String> replicaHosts() {
        return java.util.Optional.of("SHOW SLAVE HOSTS");
    }

    @Override
    public String serverIdentity() {
        return "SELECT @@server_id, NULL";
    }

    @Override
    public String readOnly() {
        return "SELECT @@GLOBAL.read_only, 0";
    }
}
