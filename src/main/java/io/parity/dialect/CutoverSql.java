package io.parity.dialect;

import io.parity.dialect.mysql.MariaDbDialect;

/**
 * The statements the cutover gates run, per engine. Values are always bind parameters; identifiers (Parity's heartbeat
 * schema) go through {@link Dialect#quote}. {@code SHOW GRANTS FOR} cannot take parameters, so its account is rendered
 * by {@link #accountLiteral}, which only ever emits quoted string literals.
 *
 * <pre>
 * REPLACE INTO `parity`.`parity_heartbeat` (id, seq, written_at) VALUES (?, ?, ?)
 * SELECT seq, written_at FROM `parity`.`parity_heartbeat` WHERE id = ?
 * </pre>
 */
public final class CutoverSql {

    public static final String HEARTBEAT_TABLE = "parity_heartbeat";
    public static final String CANARY_TABLE = "parity_canary";

    /** Replica status; MariaDB 10.5+ and MySQL 8.0.22+ both accept the REPLICA spelling. */
    public static final String REPLICA_STATUS = "SHOW REPLICA STATUS";

    public static final String CONNECTION_ID = "SELECT CONNECTION_ID()";

    public static final String TABLE_EXISTS =
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";

    /** Puts a session back into the server's own GTID domain after a heartbeat write. */
    public static final String RESET_GTID_DOMAIN = "SET SESSION gtid_domain_id = @@GLOBAL.gtid_domain_id";

    /**
     * Sessions with what they run and, when they hold an InnoDB transaction, its age and the rows it changed. The
     * gate filters in Java so the allow-list stays a list of names, not SQL.
     */
    public static final String SESSIONS = "SELECT p.ID, p.USER, p.HOST, p.DB, p.COMMAND, p.TIME, p.STATE, p.INFO,"
            + " t.trx_started, t.trx_rows_modified, t.trx_lock_structs, t.trx_query,"
            + " TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS trx_age"
            + " FROM information_schema.PROCESSLIST p"
            + " LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID"
            + " ORDER BY p.ID";

    private final Dialect dialect;
    private final boolean mariadb;

    private CutoverSql(Dialect dialect) {
        this.dialect = dialect;
        this.mariadb = dialect instanceof MariaDbDialect;
    }

    public static CutoverSql of(Dialect dialect) {
        return new CutoverSql(dialect);
    }

    public boolean mariadb() {
        return mariadb;
    }

    /** {@code read_only}, and on MySQL {@code super_read_only}; MariaDB has no second variable. */
    public String readOnly() {
        return mariadb ? "SELECT @@GLOBAL.read_only, 0" : "SELECT @@GLOBAL.read_only, @@GLOBAL.super_read_only";
    }

    /** Where the binary log stands: MariaDB's per-domain GTID list, MySQL's executed GTID set. */
    public String gtidPosition() {
        return mariadb ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed";
    }

    /** MariaDB only: puts this session's transactions in their own GTID domain. */
    public String sessionGtidDomain() {
        return "SET SESSION gtid_domain_id = ?";
    }

    public String createSchema(String schema) {
        return "CREATE DATABASE IF NOT EXISTS " + dialect.quote(schema);
    }

    public String createMarkerTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualified(schema, table)
                + " (id VARCHAR(128) NOT NULL PRIMARY KEY, seq BIGINT NOT NULL, written_at DATETIME(6) NOT NULL)";
    }

    public String writeMarker(String schema, String table) {
        return "REPLACE INTO " + qualified(schema, table) + " (id, seq, written_at) VALUES (?, ?, ?)";
    }

    public String readMarker(String schema, String table) {
        return "SELECT seq, written_at FROM " + qualified(schema, table) + " WHERE id = ?";
    }

    /** {@code SHOW GRANTS FOR 'user'@'host'}. */
    public String showGrants(String user, String host) {
        return "SHOW GRANTS FOR " + accountLiteral(user, host);
    }

    /** {@code 'user'@'host'} with quotes and backslashes escaped, so no account name can break out of the literal. */
    public static String accountLiteral(String user, String host) {
        return stringLiteral(user) + "@" + stringLiteral(host);
    }

    private static String stringLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    public String quote(String identifier) {
        return dialect.quote(identifier);
    }

    private String qualified(String schema, String table) {
        return dialect.quote(schema) + "." + dialect.quote(table);
    }
}
