package io.parity.engine;

import java.util.Optional;

/**
 * The statements the cutover gates run beyond replication status: sessions and their transactions, the account's
 * grants, and Parity's own marker tables (heartbeat and canary). Values are bind parameters; identifiers go through
 * {@link Engine#quote}; {@code SHOW GRANTS FOR} cannot take parameters, so its account is rendered by
 * {@link #accountLiteral}, which only emits quoted string literals.
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
     * trx_query, trx_age}.
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

    /** Puts a session's transactions into a GTID domain of their own and back; empty where there are no domains. */
    Optional<GtidDomainSql> gtidDomains();

    /** @param set   sets this session's domain (one parameter) @param reset puts it back to the server's own */
    record GtidDomainSql(String set, String reset) {
    }
}
