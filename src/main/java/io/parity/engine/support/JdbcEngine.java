package io.parity.engine.support;

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
 * An engine assembled from its parts: what MySQL, MariaDB and the generic engine have in common is that an engine is
 * its description, its SQL spelling ({@link StandardSql}) and one object per concern. Subclasses build the parts.
 */
public abstract class JdbcEngine implements Engine {

    /** One implementation per concern; {@code replication} and {@code cutover} may be null where the engine has none. */
    public record Parts(SessionSetup session, Catalog catalog, ChunkQueries chunks, ChecksumQueries checksums,
                        RowQueries rows, RepairSql repair, ReplicationSql replication, CutoverSql cutover) {
    }

    private final String description;
    private final StandardSql sql;
    private final Parts parts;

    protected JdbcEngine(String description, StandardSql sql, Parts parts) {
        this.description = description;
        this.sql = sql;
        this.parts = parts;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Itself: an engine whose rows are read in the portable encoding already; MySQL and MariaDB override this. */
    @Override
    public Engine portable() {
        if (!PortableValues.ENCODING.equals(parts.checksums().encoding())) {
            throw new IllegalStateException(description + " has no portable encoding");
        }
        return this;
    }

    @Override
    public String quote(String identifier) {
        return sql.quote(identifier);
    }

    @Override
    public SessionSetup session() {
        return parts.session();
    }

    @Override
    public Catalog catalog() {
        return parts.catalog();
    }

    @Override
    public ChunkQueries chunks() {
        return parts.chunks();
    }

    @Override
    public ChecksumQueries checksums() {
        return parts.checksums();
    }

    @Override
    public RowQueries rows() {
        return parts.rows();
    }

    @Override
    public RepairSql repair() {
        return parts.repair();
    }

    @Override
    public Optional<ReplicationSql> replication() {
        return Optional.ofNullable(parts.replication());
    }

    @Override
    public Optional<CutoverSql> cutover() {
        return Optional.ofNullable(parts.cutover());
    }
}
