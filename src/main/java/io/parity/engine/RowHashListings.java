package io.parity.engine;

import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
import io.parity.core.RowHashes;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The rows of a range as keys and 64-bit row hashes in the server's key order, with the chunk checksum they sum to.
 * A differing range is then reconciled from one scan per side, and only rows whose hashes differ are read in full.
 */
public interface RowHashListings {

    /**
     * The listing of {@code range} (under the table filter), hashed where {@code hashing} says: its checksum equals
     * the server checksum ({@code server}) or the streamed checksum ({@code client}) of the same range and hash. With
     * {@code limit > 0} at most that many rows are listed, and a range holding more yields an incomplete listing.
     */
    RowHashes rowHashes(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash, Hashing hashing,
                        int limit) throws SQLException;

    /** The same listings kept as keys and hashes, for tables keyed on one integer column; empty where not offered. */
    default java.util.Optional<KeyedRowHashListings> keyed() {
        return java.util.Optional.empty();
    }
}
