package io.parity.engine.postgres;

import io.parity.engine.AccountSql;

import java.util.List;

/**
 * Grants on PostgreSQL: {@code USAGE} on each schema with the table privileges, {@code pg_monitor} for other
 * sessions and replication views. The write check asks {@code has_table_privilege}, which also sees privileges held
 * through roles, ownership and superuser.
 */
public final class PostgresAccountSql implements AccountSql {

    private final PostgresSql sql = new PostgresSql();

    @Override
    public String account(String user, String host) {
        return sql.quote(user);
    }

    @Override
    public List<String> grants(Need need, String account, String database) {
        return switch (need.kind()) {
            case READ_ROWS -> tables("SELECT", need, account);
            case WRITE_ROWS -> tables("SELECT, INSERT, UPDATE, DELETE", need, account);
            case MARKER_WRITE -> List.of("GRANT CREATE ON DATABASE " + sql.quote(database) + " TO " + account + ";",
                    "-- (creates schema " + sql.quote(need.schema()) + " and its table, owned by " + account
                            + "; if the schema exists: GRANT USAGE, CREATE ON SCHEMA " + sql.quote(need.schema())
                            + " TO " + account + ";)");
            case MARKER_READ -> tables("SELECT", need, account);
            case REPLICA_STATUS, DOWNSTREAM, REPLICA_HOSTS, SESSIONS -> List.of("GRANT pg_monitor TO " + account + ";");
            case READ_GRANTS -> List.of("-- none: the catalogs holding grants are readable by every role");
            case MARKER_DOMAIN -> List.of("-- none: PostgreSQL has no GTID domains");
            case SET_READ_ONLY -> List.of("-- ALTER DATABASE … SET default_transaction_read_only runs as the database's"
                    + " owner or a superuser: ALTER DATABASE " + sql.quote(database) + " OWNER TO " + account + ";");
            case REPLICATION_ADMIN -> List.of("GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume()"
                    + " TO " + account + ";", "-- (a subscription is disabled by its owner: ALTER SUBSCRIPTION … OWNER TO "
                    + account + ";)");
            case REVOKE_GRANTS -> List.of("-- REVOKE runs as the tables' owner, or with the privileges WITH GRANT OPTION");
        };
    }

    @Override
    public String canWrite(int tables) {
        StringBuilder q = new StringBuilder("SELECT q.i FROM (VALUES ");
        for (int i = 1; i <= tables; i++) {
            q.append(i == 1 ? "" : ", ").append("(").append(i).append(", CAST(? AS text), CAST(? AS text))");
        }
        return q.append(") q(i, s, t) WHERE has_table_privilege(format('%I.%I', q.s, q.t),"
                + " 'INSERT, UPDATE, DELETE')").toString();
    }

    private List<String> tables(String privileges, Need need, String account) {
        String schema = sql.quote(need.schema());
        String on = need.table() == null ? "ALL TABLES IN SCHEMA " + schema
                : "TABLE " + schema + "." + sql.quote(need.table());
        return List.of("GRANT USAGE ON SCHEMA " + schema + " TO " + account + ";",
                "GRANT " + privileges + " ON " + on + " TO " + account + ";");
    }
}
