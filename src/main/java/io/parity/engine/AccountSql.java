package io.parity.engine;

import io.parity.engine.mysql.MySqlAccountSql;
import io.parity.engine.postgres.PostgresAccountSql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account needs, in one engine's words: GRANT statements for each {@link Need}, and the query that tells
 * whether the connected account can write to a table (privileges held through roles are not seen on MySQL and
 * MariaDB). Chosen from the JDBC URL, because the grants are printed
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
        /** Every session and its transaction. */
        SESSIONS,
        /** Other accounts' grants. */
        READ_GRANTS,
        /** Create and write Parity's marker table (heartbeat or canary) in its schema. */
        MARKER_WRITE,
        /** Read Parity's marker table. */
        MARKER_READ
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
     * A query with bind parameters schema and table that returns a row when the connected account may insert,
     * update or delete rows of that table.
     */
    String canWrite();

    /** The grants' dialect for a JDBC URL; empty for engines without accounts worth granting (H2). */
    static Optional<AccountSql> forUrl(String url) {
        return forUrl(url, null);
    }

    /**
     * The same, for a named server where the URL cannot tell: {@code mysql} or {@code mariadb} (both speak
     * {@code jdbc:mysql:}); null when unknown.
     */
    static Optional<AccountSql> forUrl(String url, String server) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            return Optional.of(new MySqlAccountSql(server == null ? null : server.equals("mariadb")));
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return Optional.of(new PostgresAccountSql());
        }
        return Optional.empty();
    }
}
