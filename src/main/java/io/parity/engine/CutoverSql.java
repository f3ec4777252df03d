package io.parity.engine;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The statements the cutover gates run beyond replication status: sessions and their transactions, the account's
 * grants, and Parity's own marker tables (heartbeat and canary). Values are bind parameters; identifiers go through
 * {@link Engine#quote}; {@code SHOW GRANTS FOR} cannot take parameters, so its account is rendered by
 * {@link #accountLiteral}, which only emits quoted string literals. An engine whose grants are table privileges
 * rather than {@code SHOW GRANTS} lines (PostgreSQL) offers {@link #tableGrants()} instead.
 *
 * <pre>
 * REPLACE INTO `parity`.`parity_heartbeat` (id, seq, written_at) VALUES (?, ?, ?)
 * SELECT seq, written_at FROM `parity`.`parity_heartbeat` WHERE id = ?
 * </pre>
 */
public interface CutoverSql {

    /**
     * Sessions with what they run and, when they hold a transaction, its age and the rows it changed, ordered by id:
     * {@code ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO, trx_started, trx_rows_modified, trx_lock_structs,
     * trx_query, trx_age}. A transaction whose changed rows the engine does not count has {@code trx_age} set and
     * {@code trx_rows_modified} NULL, and counts as a writer.
     */
    String sessions();

    /** This session's id, as {@link #sessions()} reports it. */
    String connectionId();

    /** {@code SHOW GRANTS FOR 'user'@'host'}. */
    String showGrants(String user, String host);

    /** {@code 'user'@'host'}, quotes and backslashes escaped, so no account name can break out of the literal. */
    String accountLiteral(String user, String host);

    /** One row when the table {@code (schema, table)} exists. */
    String tableExists();

    String createSchema(String schema);

    /** A marker table: {@code id} text key, {@code seq} number, {@code written_at} microsecond timestamp. */
    String createMarkerTable(String schema, String table);

    /** Writes marker {@code (id, seq, written_at)}, replacing an older row of the same id. */
    String writeMarker(String schema, String table);

    /** {@code seq, written_at} of marker {@code id}. */
    String readMarker(String schema, String table);

    /** The value bound to {@code written_at} for the instant {@code at}. */
    default Object markerTime(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * Whether an error reading a marker means only that its table or schema is not there (yet): not replicated yet is
     * the same as not visible.
     */
    default boolean markerMissing(SQLException e) {
        return e.getErrorCode() == 1146 || e.getErrorCode() == 1049;
    }

    /**
     * Statements around Parity's own marker writes that let them through a source whose writes are stopped by a
     * setting a session may override (PostgreSQL's {@code default_transaction_read_only}); empty where the account's
     * privilege is what lets them through (MySQL's {@code read_only}).
     */
    default Optional<SessionSwitch> ownWrites() {
        return Optional.empty();
    }

    /** The account's table privileges and their REVOKE statements, where grants are not {@code SHOW GRANTS} lines. */
    default Optional<TableGrantSql> tableGrants() {
        return Optional.empty();
    }

    /** Puts a session's transactions into a GTID domain of their own and back; empty where there are no domains. */
    Optional<GtidDomainSql> gtidDomains();

    /**
     * The statement that keeps a session's account changes on this server: replication would carry a REVOKE to a
     * server that may not have the account (the old source, through reverse replication) and stop its applier there.
     * Empty where the engine replicates no account changes per session (PostgreSQL's roles are not published).
     */
    default Optional<String> accountChangesStayLocal() {
        return Optional.empty();
    }

    /** The native actions' statements ({@code read-only}, {@code stop-replication} …); empty where there are none. */
    default Optional<ActionSql> actions() {
        return Optional.empty();
    }

    /** @param set   sets this session's domain (one parameter) @param reset puts it back to the server's own */
    record GtidDomainSql(String set, String reset) {
    }

    /** @param on switches the session's setting for Parity's own write @param off puts it back */
    record SessionSwitch(String on, String off) {
    }
}
