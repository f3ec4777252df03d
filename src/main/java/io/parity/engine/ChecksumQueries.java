package io.parity.engine;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Chunk checksums: a row count and exact sums of per-row hashes over the engine's canonical row encoding. Every engine
 * can stream a chunk's rows and hash them in Java ({@code hashing: client}, with {@link io.parity.core.RowHasher}); the
 * other ways are capabilities an engine has or lacks.
 */
public interface ChecksumQueries {

    /**
     * The name of the canonical encoding this engine's rows are hashed and compared in. Two sides compare only when
     * they build the same encoding: MySQL and MariaDB do (server-side {@code CONCAT_WS}); the generic engine encodes
     * in Java.
     */
    String encoding();

    /** The checksum of {@code range}, its rows streamed and hashed in Java; every hash is available this way. */
    ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException;

    /** One aggregate query per chunk, computed by the server ({@code hashing: server}). */
    Optional<ServerChecksums> server();

    /** Streamed checksums that also keep each row's key and hash while the rows stream by. */
    Optional<KeyedStreaming> keyedStreaming();

    /** Key-ordered listings of row hashes, which both checksum a range and say which keys differ. */
    Optional<RowHashListings> listings();

    /** Checksums per bucket of a range cut at split keys, in one scan. */
    Optional<BucketChecksums> buckets();

    /** Checksums per bucket of equal integer key span, the bucket computed by the server from the key. */
    Optional<EvenBucketChecksums> evenBuckets();

    /** Distinct rows and their counts, for tables without a key (compared as multisets). */
    Optional<RowGroups> rowGroups();

    /** Streamed checksums over each row's bytes as they arrive, where both sides' rows arrive alike. */
    default Optional<PacketHashing> packetHashing() {
        return Optional.empty();
    }
}
