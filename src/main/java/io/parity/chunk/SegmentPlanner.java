package io.parity.chunk;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.schema.SideTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a large table into key segments so that several partitions can walk it at once. Segment boundaries come from
 * the same keyset walk as chunks, with a larger step, or, for a key of one integer column whose values the optimizer
 * estimates to be spread evenly, at equal key spans (the walk reads every row before the last boundary, serially,
 * before any chunk starts: 1.5 s of source CPU at 10M rows). Small tables stay one segment.
 */
public final class SegmentPlanner {

    /** Segments are worth their planning cost only when each holds several chunks. */
    static final int MIN_CHUNKS_PER_SEGMENT = 4;

    private final ChunkWalker walker;

    public SegmentPlanner(ChunkWalker walker) {
        this.walker = walker;
    }

    public List<KeyRange> plan(SideTable table, long estimatedRows, int chunkRows, int maxSegments) {
        return plan(table, estimatedRows, chunkRows, maxSegments, false);
    }

    /**
     * With {@code estimate}, a table keyed on one integer column is split at equal key spans when the optimizer's
     * row estimates call them even ({@link ChunkWalker#estimatedSplits}), rather than by walking the index.
     */
    public List<KeyRange> plan(SideTable table, long estimatedRows, int chunkRows, int maxSegments, boolean estimate) {
        long segments = Math.min(maxSegments, estimatedRows / ((long) chunkRows * MIN_CHUNKS_PER_SEGMENT));
        if (segments <= 1) {
            return List.of(KeyRange.ALL);
        }
        if (estimate) {
            Optional<List<KeyValues>> splits = walker.estimatedSplits(table, (int) segments);
            if (splits.isPresent() && !splits.get().isEmpty()) {
                List<KeyRange> ranges = new ArrayList<>();
                KeyValues lower = null;
                for (KeyValues split : splits.get()) {
                    ranges.add(new KeyRange(lower, split));
                    lower = split;
                }
                ranges.add(new KeyRange(lower, null));
                return ranges;
            }
        }
        long step = estimatedRows / segments;
        List<KeyRange> ranges = new ArrayList<>();
        KeyValues lower = null;
        for (int i = 0; i < segments - 1; i++) {
            Optional<KeyValues> upper = walker.keyAt(table, new KeyRange(lower, null), step - 1, false);
            if (upper.isEmpty()) {
                break;
            }
            ranges.add(new KeyRange(lower, upper.get()));
            lower = upper.get();
        }
        ranges.add(new KeyRange(lower, null));
        return ranges;
    }
}
