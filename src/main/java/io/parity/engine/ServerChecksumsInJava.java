package io.parity.engine;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyedRowHashes;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The server's own chunk checksum computed in Java ({@code hashing: auto}): the server streams the chunk's column
 * values and Parity rebuilds the server's row encoding byte for byte and hashes it with the same hash, so the result
 * equals {@link ServerChecksums#checksum} of the same rows. Either side may then hash in either place.
 */
public interface ServerChecksumsInJava {

    /**
     * The checksum of {@code range}, equal to what the server's aggregate query returns for the same rows. With
     * {@code keep}, also keeps each row's key and hash when the key is one integer column (the row hashes equal the
     * server's row hash listing's), else gives {@code keep} up.
     */
    ChunkChecksum checksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                           KeyedRowHashes keep) throws SQLException;
}
