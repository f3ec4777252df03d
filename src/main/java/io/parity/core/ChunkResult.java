package io.parity.core;

import java.util.List;

/**
 * The outcome of checking one chunk: both checksums, the row differences (empty when they match) and how long it took.
 */
public record ChunkResult(Chunk chunk, ChecksumPair checksums, List<RowDiff> diffs, long millis) {

    public ChunkResult {
        diffs = List.copyOf(diffs);
    }

    /** Equal checksums, or unequal checksums whose rows all turned out equal on reconciliation. */
    public boolean matched() {
        return checksums.matches() || diffs.isEmpty();
    }
}
