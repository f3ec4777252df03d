package io.parity.engine.postgres;

import io.parity.engine.CutoverSql;
import io.parity.engine.TableGrantSql;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * The cutover gates' statements on PostgreSQL: {@code pg_stat_activity} in the vocabulary of the sessions gate, marker
 * tables with {@code INSERT ... ON CONFLICT}, and table privileges ({@link PostgresTableGrants}) instead of
 * {@code SHOW GRANTS}. Sessions are those of the connected database: only they can write its tables.
 *
 * <pre>
 * INSERT INTO "parity"."parity_heartbeat" (id, seq, written_at) VALUES (?, ?, ?)
 *   ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, written_at = EXCLUDED.written_at
 * </pre>
 */
class PostgresCutoverSql implements CutoverSql {

    @Override
    public java.util.Optional<io.parity.engine.ActionSql> actions() {
        return java.util.Optional.of(new PostgresActionSql(sql));
    }


    /**
     * A session counts as a writer by its transaction when it sits idle inside one (it may hold row locks and
     * uncommitted changes) or when its transaction has a transaction id (assigned at its first write); PostgreSQL does
     * not count changed rows, so {@code trx_rows_modified} is NULL. Background processes read as {@code Daemon}.
     */
    static final String SESSIONS = "SELECT a.pid AS \"ID\", COALESCE(a.usename, '') AS \"USER\","
            + " CASE WHEN a.client_addr IS NULL THEN 'local' ELSE host(a.client_addr) || ':' || a.client_port END AS \"HOST\","
            + " a.datname AS \"DB\","
            + " CASE WHEN a.backend_type <> 'client backend' THEN 'Daemon' WHEN a.state = 'active' THEN 'Query'"
            + " ELSE 'Sleep' END AS \"COMMAND\","
            + " CAST(GREATEST(0, COALESCE(floor(extract(epoch FROM now() - a.state_change)), 0)) AS bigint) AS \"TIME\","
            + " a.state AS \"STATE\", CASE WHEN a.state = 'active' THEN a.query END AS \"INFO\","
            + " a.xact_start AS trx_started, CAST(NULL AS bigint) AS trx_rows_modified,"
            + " CAST(NULL AS bigint) AS trx_lock_structs,"
            + " CASE WHEN a.xact_start IS NOT NULL THEN a.query END AS trx_query,"
            + " CASE WHEN a.state LIKE 'idle in transaction%' OR a.backend_xid IS NOT NULL"
            + " THEN CAST(floor(extract(epoch FROM now() - a.xact_start)) AS bigint) END AS trx_age"
            + " FROM pg_stat_activity a WHERE a.datname = current_database() ORDER BY a.pid";

    static final String TABLE_EXISTS =
            "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";

    /** Undefined table, undefined schema. */
    private static final Set<String> MISSING = java.util.Set.of("42P01", "3F000");

    /**
     * Parity's marker writes pass a database whose writes are stopped with {@code default_transaction_read_only}, as
     * a privileged account passes MySQL's {@code read_only}; writes-stopped still sees them move the WAL.
     */
    private static final SessionSwitch OWN_WRITES = new SessionSwitch(
            "SET SESSION default_transaction_read_only = off", "RESET default_transaction_read_only");

    private final PostgresSql sql;

    PostgresCutoverSql(PostgresSql sql) {
        this.sql = sql;
    }

    @Override
    public String sessions() {
        return SESSIONS;
    }

    @Override
    public String connectionId() {
        return "SELECT pg_backend_pid()";
    }

    /** PostgreSQL has no {@code SHOW GRANTS}; the gates use {@link #tableGrants()}. */
    @Override
    public String showGrants(String user, String host) {
        throw new UnsupportedOperationException("PostgreSQL grants are read from table privileges");
    }

    /** A role has no host: the quoted role name. */
    @Override
    public String accountLiteral(String user, String host) {
        return sql.quote(user);
    }

    @Override
    public String tableExists() {
        return TABLE_EXISTS;
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + sql.quote(schema);
    }

    @Override
    public String createMarkerTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualified(schema, table)
                + " (id varchar(128) NOT NULL PRIMARY KEY, seq bigint NOT NULL, written_at timestamptz(6) NOT NULL)";
    }

    @Override
    public String writeMarker(String schema, String table) {
        return "INSERT INTO " + qualified(schema, table) + " (id, seq, written_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, written_at = EXCLUDED.written_at";
    }

    @Override
    public String readMarker(String schema, String table) {
        return "SELECT seq, written_at FROM " + qualified(schema, table) + " WHERE id = ?";
    }

    /** An instant with its offset: a timestamptz does not depend on the session's time zone then. */
    @Override
    public Object markerTime(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    @Override
    public boolean markerMissing(SQLException e) {
        return MISSING.contains(e.getSQLState());
    }

    @Override
    public Optional<SessionSwitch> ownWrites() {
        return Optional.of(OWN_WRITES);
    }

    @Override
    public Optional<TableGrantSql> tableGrants() {
        return Optional.of(new PostgresTableGrants(sql));
    }

    /** PostgreSQL has no GTID domains. */
    @Override
    public Optional<GtidDomainSql> gtidDomains() {
        return Optional.empty();
    }

    private String qualified(String schema, String table) {
        return sql.quote(schema) + "." + sql.quote(table);
    }
}
