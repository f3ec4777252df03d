package io.parity.engine;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyedRowHashes;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Streamed checksums that hash each row as the wire carries it, instead of taking its values apart and encoding them
 * again ({@link io.parity.core.RowHasher}). A binary-protocol row is its NULL bitmap followed by each non-NULL value,
 * fixed-width or length-prefixed by its column's type: when both sides' streamed rows of a table have the same
 * {@link #signature} (the same column types and fractional digits, and nothing trimmed in Java), two rows carry equal
 * bytes exactly when Parity's own encoding of them is equal, so their hashes compare as the own encoding's would. A
 * chunk is hashed this way on both sides or on neither; such checksums are only ever compared with each other.
 */
public interface PacketHashing {

    /**
     * What decides the bytes of {@code table}'s streamed rows on this side, or empty when its rows cannot be hashed as
     * they arrive (the driver's internals are not as expected). Learnt by preparing the streamed query, without
     * running it.
     */
    Optional<String> signature(Connection connection, SideTable table) throws SQLException;

    /**
     * The checksum of {@code range} over its rows' bytes; with {@code keep}, each row's key and hash kept too (see
     * {@link KeyedStreaming}). Only where both sides' {@link #signature}s are present and equal.
     */
    ChunkChecksum packetChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                 KeyedRowHashes keep) throws SQLException;
}
