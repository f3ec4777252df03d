package io.parity.engine;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Chunk checksums pushed down to the server: one aggregate query per chunk, so only three numbers cross the network. */
public interface ServerChecksums {

    /**
     * The name of the row encoding the server hashes. Server hashing compares two sides only when their names are
     * equal; otherwise rows are hashed in Java, in the encoding both engines share.
     */
    String serverEncoding();

    /** The hashes the server computes, the preferred one first. */
    List<HashAlgorithm> hashes();

    /** Count and hash sums of the rows of {@code range} (under the table filter), computed by the server. */
    ChunkChecksum checksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException;

    /** The same checksums computed in Java from the streamed column values, when this engine can rebuild them. */
    default Optional<ServerChecksumsInJava> inJava() {
        return Optional.empty();
    }
}
