package io.parity.core;

import java.util.List;

/**
 * The outcome of checking one chunk: both checksums, the row differences (empty when they match) and how long it took.
 */
public record ChunkResult(Chunk chunk, ChecksumPair checksums, List<RowDiff> diffs, long millis,
                          java.util.Map<String, Long> shardRows) {

    public ChunkResult {
        diffs = List.copyOf(diffs);
        shardRows = shardRows == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shardRows));
    }

    /** A chunk of unsharded sides. */
    public ChunkResult(Chunk chunk, ChecksumPair checksums, List<RowDiff> diffs, long millis) {
        this(chunk, checksums, diffs, millis, null);
    }

    /** Equal checksums, or unequal checksums whose rows all turned out equal on reconciliation. */
    public boolean matched() {
        return checksums.matches() || diffs.isEmpty();
    }
}
