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

    static final String CAN_WRITE = " q WHERE"
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
            case REPLICA_STATUS -> serverWide(account, "MySQL", "REPLICATION CLIENT", "MariaDB 10.5.9 and later",
                    "SLAVE MONITOR", "");
            case DOWNSTREAM -> List.of("-- none: replicas are not listed on MySQL or MariaDB");
            case REPLICA_HOSTS -> serverWide(account, "MySQL", "REPLICATION SLAVE", "MariaDB 10.5.2 and later",
                    "REPLICATION MASTER ADMIN", "");
            case SESSIONS -> List.of(grant("PROCESS", "*.*", account));
            case READ_GRANTS -> List.of(grant("SELECT", sql.quote("mysql") + ".*", account));
            case SET_READ_ONLY -> serverWide(account, "MySQL 8", "SYSTEM_VARIABLES_ADMIN", "MariaDB 10.5.2 and later",
                    "READ_ONLY ADMIN", "MySQL 5.7: SUPER; ");
            case REPLICATION_ADMIN -> serverWide(account, "MySQL 8", "REPLICATION_SLAVE_ADMIN",
                    "MariaDB 10.5.2 and later", "REPLICATION SLAVE ADMIN", "MySQL 5.7: SUPER; ");
            case REVOKE_GRANTS -> List.of(
                    "-- REVOKE needs GRANT OPTION and the privileges it revokes (or CREATE USER to revoke everything):",
                    grant("SELECT, INSERT, UPDATE, DELETE", on(need), account).replaceAll(";$", " WITH GRANT OPTION;"),
                    "-- and SET SESSION sql_log_bin = 0 needs " + (Boolean.TRUE.equals(mariaDb) ? "BINLOG ADMIN:"
                            : "SESSION_VARIABLES_ADMIN (MariaDB: BINLOG ADMIN):"),
                    Boolean.TRUE.equals(mariaDb) ? grant("BINLOG ADMIN", "*.*", account)
                            : grant("SESSION_VARIABLES_ADMIN", "*.*", account));
        };
    }

    /**
     * A server-wide privilege the two engines name differently: the line for this server, or, when the engine is not
     * known, both commented out with which is which ({@code older} names what older servers need instead).
     */
    private List<String> serverWide(String account, String mysqlLabel, String mysqlPrivilege, String mariaDbLabel,
                                    String mariaDbPrivilege, String older) {
        if (mariaDb == null) {
            return List.of("-- " + mysqlLabel + ": " + grant(mysqlPrivilege, "*.*", account),
                    "-- " + mariaDbLabel + ": " + grant(mariaDbPrivilege, "*.*", account),
                    "-- (" + older + "apply the line for this server's engine, or pass --server mysql|mariadb)");
        }
        return List.of(either(grant(mysqlPrivilege, "*.*", account), grant(mariaDbPrivilege, "*.*", account)));
    }

    /** The statement for this server, commented out when the engine is not known and it is MariaDB's. */
    private String either(String mysql, String mariaDbStatement) {
        if (mariaDb == null) {
            return "-- " + mariaDbStatement;
        }
        return mariaDb ? mariaDbStatement : mysql;
    }

    @Override
    public String canWrite(int tables) {
        StringBuilder q = new StringBuilder("SELECT q.i FROM (SELECT 1 AS i, ? AS s, ? AS t");
        for (int i = 2; i <= tables; i++) {
            q.append(" UNION ALL SELECT ").append(i).append(", ?, ?");
        }
        return q.append(")").append(CAN_WRITE).toString();
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
