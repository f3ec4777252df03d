package io.parity.chunk;

import io.parity.schema.SideTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a large table into key segments so that several partitions can walk it at once. Segment boundaries come from
 * the same keyset walk as chunks, with a larger step; together they scan the key index once. Small tables stay one
 * segment.
 */
public final class SegmentPlanner {

    /** Segments are worth their planning cost only when each holds several chunks. */
    static final int MIN_CHUNKS_PER_SEGMENT = 4;

    private final ChunkWalker walker;

    public SegmentPlanner(ChunkWalker walker) {
        this.walker = walker;
    }

    public List<KeyRange> plan(SideTable table, long estimatedRows, int chunkRows, int maxSegments) {
        long segments = Math.min(maxSegments, estimatedRows / ((long) chunkRows * MIN_CHUNKS_PER_SEGMENT));
        if (segments <= 1) {
            return List.of(KeyRange.ALL);
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
