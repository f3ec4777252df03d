package io.parity.engine;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyedRowHashes;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A streamed checksum that also keeps each row's key and hash in {@code keep} while the rows stream by, for a table
 * keyed on one integer column, so a differing chunk is its own listing. Where a row's key cannot be kept the engine
 * marks {@code keep} incomplete; the checksum is the same either way.
 */
public interface KeyedStreaming {

    ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                   KeyedRowHashes keep) throws SQLException;
}
