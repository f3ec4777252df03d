package io.parity.engine.mysql;

import io.parity.engine.support.JdbcEngine;

/**
 * MySQL 5.7 and 8: rows hashed by the server over a canonical {@code CONCAT_WS} encoding ({@link MySqlEncoding}), or
 * streamed in the binary protocol and hashed in Java; information_schema for the catalog; GTID sets for fencing. What
 * the server's version offers beyond 5.7 ({@link MySqlCapabilities}) is used where it exists, with a fallback of the
 * same bytes where it does not.
 */
public class MySqlEngine extends JdbcEngine {

    /** MySQL of this version ({@code 8.0.36}), with that version's capabilities. */
    public MySqlEngine(String version) {
        this(version, MySqlCapabilities.mysql(version));
    }

    MySqlEngine(String version, MySqlCapabilities capabilities) {
        this("MySQL " + version, new MySqlSql(capabilities), false);
    }

    private final MySqlSql sql;

    MySqlEngine(String description, MySqlSql sql, boolean mariadb) {
        this(description, sql, parts(sql, mariadb));
    }

    private MySqlEngine(String description, MySqlSql sql, Parts parts) {
        super(description, sql, parts);
        this.sql = sql;
    }

    @Override
    public String family() {
        return "mysql";
    }

    /**
     * The same engine reading rows in the portable encoding: rows streamed and hashed in Java
     * ({@link MySqlPortableChecksums}, {@link MySqlPortableRows}); catalog, chunks, repair, replication and cutover
     * statements unchanged.
     */
    @Override
    public io.parity.engine.Engine portable() {
        MySqlPortableRows rows = new MySqlPortableRows(sql);
        return new MySqlEngine(describe(), sql, new Parts(session(), catalog(), chunks(),
                new MySqlPortableChecksums(sql, rows), rows, repair(), replication().orElse(null),
                cutover().orElse(null)));
    }

    private static Parts parts(MySqlSql sql, boolean mariadb) {
        MySqlCapabilities capabilities = sql.capabilities();
        MySqlEncoding encoding = mariadb ? new MariaDbEncoding(sql) : new MySqlEncoding(sql);
        // MariaDB 10.x knows only the older name of the read-only variable; 11.x keeps it as an alias.
        return new Parts(new MySqlSession(capabilities.transactionReadOnly() ? "transaction_read_only" : "tx_read_only"),
                mariadb ? new MariaDbCatalog(sql) : new MySqlCatalog(sql), new MySqlChunks(sql),
                new MySqlChecksums(sql, encoding), new MySqlRows(sql, encoding), new MySqlRepairSql(sql, encoding),
                mariadb ? new MariaDbReplication(capabilities.replicaStatements())
                        : new MySqlReplication(capabilities.replicaStatements()),
                mariadb ? new MariaDbCutoverSql(sql) : new MySqlCutoverSql(sql));
    }

    /** What this server offers beyond MySQL 5.7, as detected. */
    MySqlCapabilities capabilities() {
        return sql.capabilities();
    }

    /** The concrete parts, for this package's tests of the SQL they build. */
    MySqlEncoding encoding() {
        return checksumSql().canonical();
    }

    MySqlSession sessionSetup() {
        return (MySqlSession) session();
    }

    MySqlChecksums checksumSql() {
        return (MySqlChecksums) checksums();
    }

    MySqlListings listingSql() {
        return (MySqlListings) checksums().listings().orElseThrow();
    }

    MySqlBuckets bucketSql() {
        return (MySqlBuckets) checksums().evenBuckets().orElseThrow();
    }
}
