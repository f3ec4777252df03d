package io.parity.core;

import java.util.List;

/**
 * One differing row.
 *
 * @param tableId table plan id
 * @param key     the row's key values (the source's for MISSING and CHANGED, the destination's for EXTRA)
 * @param kind    missing, extra or changed
 * @param columns for CHANGED, the names of the columns whose values differ; empty otherwise
 */
public record RowDiff(String tableId, KeyValues key, DiffKind kind, List<String> columns) {

    public RowDiff {
        columns = List.copyOf(columns);
    }
}
