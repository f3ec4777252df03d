package io.parity.engine;

import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
import io.parity.core.KeyedRowHashes;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A {@link RowHashListings} listing kept as {@link KeyedRowHashes}: for a table keyed on one integer column (that fits
 * a {@code long}), each row's key and hash in arrays instead of an object per row. A listed chunk's rows were all
 * held at once as objects until both sides' listings were merged: comparing MariaDB with PostgreSQL at 2M rows, the
 * collector then took a fifth of Parity's CPU copying them between generations.
 */
public interface KeyedRowHashListings {

    /**
     * The listing of {@code range} as {@link RowHashListings#rowHashes} makes it (the same rows, hashes and checksum),
     * kept as keys and hashes; {@linkplain KeyedRowHashes#complete() incomplete} when the range holds more than
     * {@code limit} rows ({@code limit > 0}).
     *
     * @param expected the rows the range was planned to hold, to size the arrays
     */
    KeyedRowHashes keyedRowHashes(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                  Hashing hashing, int limit, int expected) throws SQLException;
}
