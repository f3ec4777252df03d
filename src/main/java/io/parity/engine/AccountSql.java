package io.parity.engine;

import java.util.List;

/**
 * What an account needs, in one engine's words: GRANT statements for each {@link Need}, and the query that tells
 * whether the connected account can write to a table (privileges held through roles are not seen on MySQL and
 * MariaDB). Chosen by {@code io.parity.privilege.AccountSqls} from the JDBC URL, because the grants are printed
 * before the account exists.
 *
 * <pre>
 * GRANT SELECT ON `shop`.`orders` TO 'parity'@'%';          -- MySQL, MariaDB
 * GRANT SELECT ON TABLE "public"."orders" TO "parity";      -- PostgreSQL
 * </pre>
 */
public interface AccountSql {

    /** What a command does that needs a privilege; engine-neutral. */
    enum Kind {
        /** SELECT on compared tables (and the catalog rows that come with it). */
        READ_ROWS,
        /** INSERT, UPDATE, DELETE (and SELECT) on repaired tables. */
        WRITE_ROWS,
        /** The replication status of this server as a replica. */
        REPLICA_STATUS,
        /** The replicas streaming from this server. */
        DOWNSTREAM,
        /** The replicas registered with this server, to connect to them (the throttle's replica watch). */
        REPLICA_HOSTS,
        /** Every session and its transaction. */
        SESSIONS,
        /** Other accounts' grants. */
        READ_GRANTS,
        /** Create and write Parity's marker table (heartbeat or canary) in its schema. */
        MARKER_WRITE,
        /** Read Parity's marker table. */
        MARKER_READ,
        /** Write the markers into a GTID domain of their own (MariaDB's {@code heartbeat.gtid-domain-id}). */
        MARKER_DOMAIN,
        /** Set and clear the server's read-only mode (the {@code read-only} action). */
        SET_READ_ONLY,
        /** Stop, start and point replication into this server ({@code stop-} and {@code start-reverse-replication}). */
        REPLICATION_ADMIN,
        /** Revoke (and, undoing, grant back) other accounts' privileges, kept out of the binary log. */
        REVOKE_GRANTS
    }

    /**
     * One privilege need.
     *
     * @param kind   what is done
     * @param schema the schema (MySQL database) it concerns, or null for a server-wide need
     * @param table  the table, or null for the whole schema
     * @param why    a short reason, printed as a comment above the statements
     */
    record Need(Kind kind, String schema, String table, String why) {
    }

    /** The account as GRANT statements name it: {@code 'parity'@'%'} or {@code "parity"}. */
    String account(String user, String host);

    /** The statements (comment lines start with {@code --}) that give {@code account} what {@code need} needs. */
    List<String> grants(Need need, String account, String database);

    /**
     * A query over {@code tables} tables, with two bind parameters for each in turn (schema, table), that returns the
     * 1-based position of each table whose rows the connected account may insert, update or delete: one round trip
     * for all of them.
     */
    String canWrite(int tables);
}
