package io.parity.engine.mysql;

import io.parity.engine.AccountSql;

import java.util.List;

/**
 * Grants on MySQL and MariaDB. Where the two differ (the replica status; MariaDB's GTID domain of Parity's markers)
 * and the server is not named, both are printed as comments naming their engine.
 */
public final class MySqlAccountSql implements AccountSql {

    /** The grantee as information_schema spells it, from CURRENT_USER() (user@host, unquoted). */
    private static final String GRANTEE = "CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',"
            + " SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')";
    private static final String WRITE = "PRIVILEGE_TYPE IN ('INSERT', 'UPDATE', 'DELETE')";

    static final String CAN_WRITE = "SELECT 1 FROM (SELECT ? AS s, ? AS t) q WHERE"
            + " EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = " + GRANTEE
            + " AND " + WRITE + ")"
            + " OR EXISTS (SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = " + GRANTEE
            + " AND q.s LIKE TABLE_SCHEMA AND " + WRITE + ")"
            + " OR EXISTS (SELECT 1 FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = " + GRANTEE
            + " AND TABLE_SCHEMA = q.s AND TABLE_NAME = q.t AND " + WRITE + ")";

    private final MySqlSql sql = new MySqlSql(MySqlCapabilities.MYSQL_57); // for quoting only
    private final Boolean mariaDb;

    /** @param mariaDb true for MariaDB, false for MySQL, null when not known */
    public MySqlAccountSql(Boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    @Override
    public String account(String user, String host) {
        return literal(user) + "@" + literal(host);
    }

    @Override
    public List<String> grants(Need need, String account, String database) {
        return switch (need.kind()) {
            case READ_ROWS -> List.of(grant("SELECT", on(need), account));
            case WRITE_ROWS -> List.of(grant("SELECT, INSERT, UPDATE, DELETE", on(need), account));
            case MARKER_WRITE -> List.of(grant("SELECT, INSERT, DELETE, CREATE", on(need), account));
            case MARKER_DOMAIN -> Boolean.FALSE.equals(mariaDb) ? List.of("-- none on MySQL")
                    : List.of(either(null, grant("BINLOG REPLAY", "*.*", account)));
            case MARKER_READ -> List.of(grant("SELECT", on(need), account));
            case REPLICA_STATUS -> mariaDb == null
                    ? List.of("-- MySQL: " + grant("REPLICATION CLIENT", "*.*", account),
                    "-- MariaDB 10.5.9 and later: " + grant("SLAVE MONITOR", "*.*", account),
                    "-- (apply the line for this server's engine, or pass --server mysql|mariadb)")
                    : List.of(either(grant("REPLICATION CLIENT", "*.*", account),
                    grant("SLAVE MONITOR", "*.*", account)));
            case DOWNSTREAM -> List.of("-- none: replicas are not listed on MySQL or MariaDB");
            case REPLICA_HOSTS -> mariaDb == null
                    ? List.of("-- MySQL: " + grant("REPLICATION SLAVE", "*.*", account),
                    "-- MariaDB 10.5.2 and later: " + grant("REPLICATION MASTER ADMIN", "*.*", account),
                    "-- (apply the line for this server's engine, or pass --server mysql|mariadb)")
                    : List.of(either(grant("REPLICATION SLAVE", "*.*", account),
                    grant("REPLICATION MASTER ADMIN", "*.*", account)));
            case SESSIONS -> List.of(grant("PROCESS", "*.*", account));
            case READ_GRANTS -> List.of(grant("SELECT", sql.quote("mysql") + ".*", account));
            case SET_READ_ONLY -> mariaDb == null
                    ? List.of("-- MySQL 8: " + grant("SYSTEM_VARIABLES_ADMIN", "*.*", account),
                    "-- MariaDB 10.5.2 and later: " + grant("READ_ONLY ADMIN", "*.*", account),
                    "-- (MySQL 5.7: SUPER; apply the line for this server's engine, or pass --server mysql|mariadb)")
                    : List.of(either(grant("SYSTEM_VARIABLES_ADMIN", "*.*", account),
                    grant("READ_ONLY ADMIN", "*.*", account)));
            case REPLICATION_ADMIN -> mariaDb == null
                    ? List.of("-- MySQL 8: " + grant("REPLICATION_SLAVE_ADMIN", "*.*", account),
                    "-- MariaDB 10.5.2 and later: " + grant("REPLICATION SLAVE ADMIN", "*.*", account),
                    "-- (MySQL 5.7: SUPER; apply the line for this server's engine, or pass --server mysql|mariadb)")
                    : List.of(either(grant("REPLICATION_SLAVE_ADMIN", "*.*", account),
                    grant("REPLICATION SLAVE ADMIN", "*.*", account)));
            case REVOKE_GRANTS -> List.of(
                    "-- REVOKE needs GRANT OPTION and the privileges it revokes (or CREATE USER to revoke everything):",
                    grant("SELECT, INSERT, UPDATE, DELETE", on(need), account).replaceAll(";$", " WITH GRANT OPTION;"),
                    "-- and SET SESSION sql_log_bin = 0 needs " + (Boolean.TRUE.equals(mariaDb) ? "BINLOG ADMIN:"
                            : "SESSION_VARIABLES_ADMIN (MariaDB: BINLOG ADMIN):"),
                    Boolean.TRUE.equals(mariaDb) ? grant("BINLOG ADMIN", "*.*", account)
                            : grant("SESSION_VARIABLES_ADMIN", "*.*", account));
        };
    }

    /** The statement for this server, commented out when the engine is not known and it is MariaDB's. */
    private String either(String mysql, String mariaDbStatement) {
        if (mariaDb == null) {
            return "-- " + mariaDbStatement;
        }
        return mariaDb ? mariaDbStatement : mysql;
    }

    @Override
    public String canWrite() {
        return CAN_WRITE;
    }

    private String on(Need need) {
        return sql.quote(need.schema()) + "." + (need.table() == null ? "*" : sql.quote(need.table()));
    }

    private static String grant(String privileges, String on, String account) {
        return "GRANT " + privileges + " ON " + on + " TO " + account + ";";
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
