package io.parity.engine;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Key ranges and chunk boundaries: the keyset walk and how keys are read back so they bind exactly. */
public interface ChunkQueries {

    /** The key at {@code offset} rows after the start of {@code range} in key order; optionally under the table filter. */
    SqlStatement keyAt(SideTable table, KeyRange range, long offset, boolean filtered);

    /** The key at the start of a row whose first columns are the key columns. */
    KeyValues readKey(ResultSet rs, SideTable table) throws SQLException;

    /**
     * Optimizer row estimates and the ends of the key index, so a segment keyed on one integer column can be cut
     * arithmetically instead of walking the index for every chunk; empty where the engine cannot estimate cheaply.
     */
    Optional<RowEstimates> estimates();
}
