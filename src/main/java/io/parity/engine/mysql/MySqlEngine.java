package io.parity.engine.mysql;

import io.parity.engine.Catalog;
import io.parity.engine.ChecksumQueries;
import io.parity.engine.ChunkQueries;
import io.parity.engine.CutoverSql;
import io.parity.engine.Engine;
import io.parity.engine.RepairSql;
import io.parity.engine.ReplicationSql;
import io.parity.engine.RowQueries;
import io.parity.engine.SessionSetup;

import java.util.Optional;

/**
 * MySQL 8: rows hashed by the server over a canonical {@code CONCAT_WS} encoding ({@link MySqlEncoding}), or streamed
 * in the binary protocol and hashed in Java; information_schema for the catalog; GTID sets for fencing.
 */
public class MySqlEngine implements Engine {

    private final String description;
    private final MySqlSql sql = new MySqlSql();
    private final MySqlSession session;
    private final MySqlCatalog catalog;
    private final MySqlEncoding encoding;
    private final MySqlChunks chunks;
    private final MySqlChecksums checksums;
    private final MySqlRows rows;
    private final MySqlRepairSql repair;
    private final MySqlReplication replication;
    private final MySqlCutoverSql cutover;

    public MySqlEngine(String version) {
        this("MySQL " + version, "transaction_read_only", false, false);
    }

    MySqlEngine(String description, String readOnlyVariable, boolean mariadb, boolean hasCrc32c) {
        this.description = description;
        this.session = new MySqlSession(readOnlyVariable);
        this.catalog = mariadb ? new MariaDbCatalog(sql) : new MySqlCatalog(sql);
        this.encoding = mariadb ? new MariaDbEncoding(sql, hasCrc32c) : new MySqlEncoding(sql);
        this.chunks = new MySqlChunks(sql);
        this.checksums = new MySqlChecksums(sql, encoding);
        this.rows = new MySqlRows(sql, encoding);
        this.repair = new MySqlRepairSql(sql);
        this.replication = mariadb ? new MariaDbReplication() : new MySqlReplication();
        this.cutover = mariadb ? new MariaDbCutoverSql(sql) : new MySqlCutoverSql(sql);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String quote(String identifier) {
        return sql.quote(identifier);
    }

    @Override
    public SessionSetup session() {
        return session;
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public ChunkQueries chunks() {
        return chunks;
    }

    @Override
    public ChecksumQueries checksums() {
        return checksums;
    }

    @Override
    public RowQueries rows() {
        return rows;
    }

    @Override
    public RepairSql repair() {
        return repair;
    }

    @Override
    public Optional<ReplicationSql> replication() {
        return Optional.of(replication);
    }

    @Override
    public Optional<CutoverSql> cutover() {
        return Optional.of(cutover);
    }

    /** The concrete parts, for this package's tests of the SQL they build. */
    MySqlEncoding encoding() {
        return encoding;
    }

    MySqlSession sessionSetup() {
        return session;
    }

    MySqlChecksums checksumSql() {
        return checksums;
    }

    MySqlListings listingSql() {
        return (MySqlListings) checksums.listings().orElseThrow();
    }

    MySqlBuckets bucketSql() {
        return (MySqlBuckets) checksums.evenBuckets().orElseThrow();
    }
}
