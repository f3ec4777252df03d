package io.parity.core;

import java.util.List;

/**
 * One differing row.
 *
 * @param tableId table plan id
 * @param key     the row's key values (the source's for MISSING and CHANGED, the destination's for EXTRA)
 * @param kind    missing, extra, changed or duplicate
 * @param columns for CHANGED, the names of the columns whose values differ; empty otherwise
 * @param shard   with a sharded side, the shard that holds the row (for DUPLICATE, the shards, comma-separated); null
 *                when the side is not sharded or no shard holds it
 */
public record RowDiff(String tableId, KeyValues key, DiffKind kind, List<String> columns, String shard) {

    public RowDiff {
        columns = List.copyOf(columns);
    }

    /** A difference between two unsharded sides. */
    public RowDiff(String tableId, KeyValues key, DiffKind kind, List<String> columns) {
        this(tableId, key, kind, columns, null);
    }
}
