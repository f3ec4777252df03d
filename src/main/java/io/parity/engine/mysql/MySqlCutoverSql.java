package io.parity.engine.mysql;

import io.parity.engine.CutoverSql;

import java.util.Optional;

/** The cutover gates' statements on MySQL: processlist joined with InnoDB transactions, grants, marker tables. */
class MySqlCutoverSql implements CutoverSql {

    static final String SESSIONS = "SELECT p.ID, p.USER, p.HOST, p.DB, p.COMMAND, p.TIME, p.STATE, p.INFO,"
            + " t.trx_started, t.trx_rows_modified, t.trx_lock_structs, t.trx_query,"
            + " TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS trx_age"
            + " FROM information_schema.PROCESSLIST p"
            + " LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID"
            + " ORDER BY p.ID";

    static final String TABLE_EXISTS =
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";

    private final MySqlSql sql;

    MySqlCutoverSql(MySqlSql sql) {
        this.sql = sql;
    }

    @Override
    public java.util.Optional<io.parity.engine.ActionSql> actions() {
        return java.util.Optional.of(new MySqlActionSql(sql.capabilities().replicaStatements(), mariadb()));
    }

    /** MariaDB has no {@code super_read_only} and keeps {@code CHANGE MASTER TO}. */
    boolean mariadb() {
        return false;
    }

    @Override
    public String sessions() {
        return SESSIONS;
    }

    @Override
    public String connectionId() {
        return "SELECT CONNECTION_ID()";
    }

    @Override
    public String showGrants(String user, String host) {
        return "SHOW GRANTS FOR " + accountLiteral(user, host);
    }

    @Override
    public String accountLiteral(String user, String host) {
        return stringLiteral(user) + "@" + stringLiteral(host);
    }

    private static String stringLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String tableExists() {
        return TABLE_EXISTS;
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE DATABASE IF NOT EXISTS " + sql.quote(schema);
    }

    @Override
    public String createMarkerTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualified(schema, table)
                + " (id VARCHAR(128) NOT NULL PRIMARY KEY, seq BIGINT NOT NULL, written_at DATETIME(6) NOT NULL)";
    }

    @Override
    public String writeMarker(String schema, String table) {
        return "REPLACE INTO " + qualified(schema, table) + " (id, seq, written_at) VALUES (?, ?, ?)";
    }

    @Override
    public String readMarker(String schema, String table) {
        return "SELECT seq, written_at FROM " + qualified(schema, table) + " WHERE id = ?";
    }

    /** MySQL has no GTID domains. */
    @Override
    public Optional<GtidDomainSql> gtidDomains() {
        return Optional.empty();
    }

    private String qualified(String schema, String table) {
        return sql.quote(schema) + "." + sql.quote(table);
    }

    @Override
    public java.util.Optional<String> accountChangesStayLocal() {
        return java.util.Optional.of("SET SESSION sql_log_bin = 0;");
    }
}
