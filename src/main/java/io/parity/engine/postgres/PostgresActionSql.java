package io.parity.engine.postgres;

import io.parity.engine.ActionSql;

import java.util.List;
import java.util.Optional;

/**
 * The native actions on PostgreSQL: {@code read-only} sets the connected database's
 * {@code default_transaction_read_only} (what the {@code writes-stopped} gate reads; sessions already open keep their
 * own value until they reconnect), {@code stop-replication} pauses a standby's replay or disables the database's
 * subscriptions. Reverse replication is not a single command here (a publication and a slot on the other side):
 * that action says so.
 */
final class PostgresActionSql implements ActionSql {

    private final PostgresSql sql;

    PostgresActionSql(PostgresSql sql) {
        this.sql = sql;
    }

    @Override
    public List<String> readOnly(boolean on, String database) {
        return List.of("ALTER DATABASE " + sql.quote(database) + " SET default_transaction_read_only = "
                + (on ? "on" : "off"));
    }

    @Override
    public List<String> stopReplication(boolean standby, List<String> subscriptions) {
        return standby ? List.of("SELECT pg_wal_replay_pause()")
                : subscriptions.stream().map(s -> "ALTER SUBSCRIPTION " + sql.quote(s) + " DISABLE").toList();
    }

    @Override
    public List<String> startReplication(boolean standby, List<String> subscriptions) {
        return standby ? List.of("SELECT pg_wal_replay_resume()")
                : subscriptions.stream().map(s -> "ALTER SUBSCRIPTION " + sql.quote(s) + " ENABLE").toList();
    }

    @Override
    public Optional<String> subscriptions() {
        return Optional.of("SELECT subname FROM pg_subscription WHERE subenabled"
                + " AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY subname");
    }
}
