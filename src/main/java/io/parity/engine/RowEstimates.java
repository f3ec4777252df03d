package io.parity.engine;

import io.parity.core.KeyRange;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Cheap answers about how many rows a key range holds and where the key index ends: index dives, not scans. */
public interface RowEstimates {

    /** The optimizer's estimate of the rows in {@code range} (table filter ignored, as the index walk ignores it). */
    SqlStatement rowEstimate(SideTable table, KeyRange range);

    /** The estimate {@link #rowEstimate} returned; -1 when the server gave none. */
    long readRowEstimate(ResultSet rs) throws SQLException;

    /** {@code SELECT MAX(key) FROM t}. */
    SqlStatement maxKey(SideTable table);

    /** {@code SELECT MIN(key) FROM t}. */
    SqlStatement minKey(SideTable table);
}
