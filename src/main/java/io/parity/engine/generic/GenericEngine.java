package io.parity.engine.generic;

import io.parity.engine.Catalog;
import io.parity.engine.ChecksumQueries;
import io.parity.engine.ChunkQueries;
import io.parity.engine.CutoverSql;
import io.parity.engine.Engine;
import io.parity.engine.RepairSql;
import io.parity.engine.ReplicationSql;
import io.parity.engine.RowQueries;
import io.parity.engine.SessionSetup;
import io.parity.engine.support.StandardSql;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Any JDBC database with standard SQL (used for H2): catalog through {@link java.sql.DatabaseMetaData}, rows streamed
 * in key order and hashed in Java, repair SQL in standard syntax. Nothing to pin per session: the canonical values are
 * built in Java and do not depend on session settings. No replication and no cutover gates.
 */
public class GenericEngine implements Engine, SessionSetup {

    private final String description;
    private final StandardSql sql = new StandardSql();
    private final GenericCatalog catalog = new GenericCatalog(sql);
    private final GenericRows rows = new GenericRows(sql);
    private final GenericChecksums checksums = new GenericChecksums(rows);
    private final GenericRepairSql repair = new GenericRepairSql(sql);

    public GenericEngine(String product, String version) {
        this.description = product + " " + version;
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
        return this;
    }

    @Override
    public Optional<String> readSession(Duration lockWait) {
        return Optional.empty();
    }

    @Override
    public Map<String, String> readPoolProperties() {
        return Map.of();
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public ChunkQueries chunks() {
        return rows;
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
        return Optional.empty();
    }

    @Override
    public Optional<CutoverSql> cutover() {
        return Optional.empty();
    }
}
