package io.parity.engine.mysql;

import io.parity.engine.ActionSql;
import io.parity.engine.SqlStatement;

import java.util.List;
import java.util.Optional;

/**
 * The native actions on MySQL and MariaDB. {@code read-only} uses {@code super_read_only} on MySQL, so that
 * privileged accounts stop too, and {@code read_only} on MariaDB (which has no super variant; accounts with
 * {@code READ_ONLY ADMIN} still write). Replication commands use the names the server knows: {@code STOP REPLICA} and
 * {@code CHANGE REPLICATION SOURCE TO} on MySQL 8.0.22 and later (8.4 removed the old ones), {@code STOP SLAVE} and
 * {@code CHANGE MASTER TO} on MariaDB and older MySQL. Reverse replication is by GTID: MariaDB's
 * {@code MASTER_USE_GTID = current_pos} asks for what this server has not executed yet, MySQL's auto-position the same.
 */
final class MySqlActionSql implements ActionSql {

    private final boolean replicaStatements;
    private final boolean mariadb;

    MySqlActionSql(boolean replicaStatements, boolean mariadb) {
        this.replicaStatements = replicaStatements;
        this.mariadb = mariadb;
    }

    @Override
    public List<String> readOnly(boolean on, String database) {
        if (mariadb) {
            return List.of("SET GLOBAL read_only = " + (on ? "ON" : "OFF"));
        }
        return on ? List.of("SET GLOBAL super_read_only = ON")
                : List.of("SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF");
    }

    @Override
    public List<String> stopReplication(boolean standby, List<String> subscriptions) {
        return List.of(replicaStatements && !mariadb ? "STOP REPLICA" : "STOP SLAVE");
    }

    @Override
    public List<String> startReplication(boolean standby, List<String> subscriptions) {
        return List.of(replicaStatements && !mariadb ? "START REPLICA" : "START SLAVE");
    }

    @Override
    public Optional<List<SqlStatement>> replicateFrom(String host, int port, String user, String password) {
        String change = mariadb
                ? "CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?,"
                        + " MASTER_USE_GTID = current_pos"
                : replicaStatements
                ? "CHANGE REPLICATION SOURCE TO SOURCE_HOST = ?, SOURCE_PORT = ?, SOURCE_USER = ?, SOURCE_PASSWORD = ?,"
                        + " SOURCE_AUTO_POSITION = 1"
                : "CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?,"
                        + " MASTER_AUTO_POSITION = 1";
        return Optional.of(List.of(new SqlStatement(change, List.of(host, port, user, password)),
                SqlStatement.of(startReplication(false, List.of()).get(0))));
    }

    @Override
    public List<String> forgetReplication() {
        return replicaStatements && !mariadb ? List.of("STOP REPLICA", "RESET REPLICA ALL")
                : List.of("STOP SLAVE", "RESET SLAVE ALL");
    }
}
