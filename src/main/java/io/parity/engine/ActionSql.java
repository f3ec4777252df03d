package io.parity.engine;

import java.util.List;
import java.util.Optional;

/**
 * The statements of the cutover's native actions on one engine ({@code read-only}, {@code stop-replication},
 * {@code start-reverse-replication}). None of them replicates: global settings and replication commands stay on the
 * server they run on. What an engine cannot do is empty, and the action says so instead of guessing.
 */
public interface ActionSql {

    /**
     * Sets ({@code on}) or clears the server's read-only mode: MySQL's {@code super_read_only} (which implies
     * {@code read_only}), MariaDB's {@code read_only}, PostgreSQL's {@code default_transaction_read_only} of the
     * connected database ({@code database}).
     */
    List<String> readOnly(boolean on, String database);

    /**
     * Stops replication into this server: the replica threads, a standby's replay, or the named logical
     * {@code subscriptions} of the connected database.
     */
    List<String> stopReplication(boolean standby, List<String> subscriptions);

    /** Starts what {@link #stopReplication} stopped. */
    List<String> startReplication(boolean standby, List<String> subscriptions);

    /** On PostgreSQL, the connected database's enabled subscriptions (one name a row); empty elsewhere. */
    default Optional<String> subscriptions() {
        return Optional.empty();
    }

    /**
     * Makes this server replicate from {@code host:port} as {@code user}, by GTID from where it stands, and starts it;
     * the password is the one bind parameter ({@code ?}) of the statement that names it. Empty where the engine has
     * no such command (PostgreSQL: a subscription needs a publication and a slot on the other side).
     */
    default Optional<List<SqlStatement>> replicateFrom(String host, int port, String user, String password) {
        return Optional.empty();
    }

    /** Undoes {@link #replicateFrom}: stops the replication and forgets its configuration. */
    default List<String> forgetReplication() {
        return List.of();
    }
}
