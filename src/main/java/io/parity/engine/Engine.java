package io.parity.engine;

import java.util.Optional;

/**
 * One database engine as Parity uses it, as a set of small capabilities by concern. Every engine reads its sessions'
 * settings, its catalog, key ranges, checksums and rows, and writes repair SQL; replication and cutover statements
 * exist only where the engine has them. Optional capabilities inside the concerns (server checksums, row estimates,
 * row hash listings, bucket checksums) work the same way: an engine that lacks one offers no implementation, and the
 * planner picks another strategy. Implementations are found by {@link Engines#detect} through {@link EngineProvider}.
 *
 * <p>{@code docs/engines.md} says how to add an engine, interface by interface.
 */
public interface Engine {

    /** Engine and version, for reports: {@code MariaDB 10.11.19}. */
    String describe();

    /**
     * The engine family whose type names and collations mean the same things: {@code mysql} (MySQL and MariaDB),
     * {@code postgresql}, {@code h2}. Two families are compared under the cross-engine type mapping.
     */
    String family();

    /**
     * This engine reading and hashing rows in the portable encoding ({@link io.parity.engine.support.PortableValues}),
     * which every engine shares, for comparing with another engine; itself when that is its only encoding.
     */
    Engine portable();

    /** Quotes an identifier so any name, reserved words and odd characters included, is safe in SQL text. */
    String quote(String identifier);

    SessionSetup session();

    Catalog catalog();

    ChunkQueries chunks();

    ChecksumQueries checksums();

    RowQueries rows();

    RepairSql repair();

    /** Replication status, GTID positions and waits; empty where the engine does not replicate (H2). */
    Optional<ReplicationSql> replication();

    /** The statements the cutover gates run; empty where Parity has no gates for the engine. */
    Optional<CutoverSql> cutover();
}
