package io.parity.verify;

import io.parity.chunk.ChunkSizer;
import io.parity.chunk.KeySpans;

/**
 * What the chunks of one table segment learn as they go, shared by the segment's reader (which plans the next chunk
 * ahead on another thread) and its processor (which checks and times chunks): chunk sizes toward
 * {@code options.chunk-time} ({@link ChunkSizer}), the key density for arithmetic cuts ({@link KeySpans}), and how
 * differences have been spread ({@link DriftMemory}). Each part is thread-safe.
 */
public final class SegmentState {

    private final ChunkSizer sizer;
    private final KeySpans spans;
    private final DriftMemory drift = new DriftMemory();

    /** @param spans the key density, or null when this segment's chunks are found by walking the index */
    SegmentState(ChunkSizer sizer, KeySpans spans) {
        this.sizer = sizer;
        this.spans = spans;
    }

    public ChunkSizer sizer() {
        return sizer;
    }

    /** The key density when chunks are cut arithmetically ({@code boundaries: arithmetic}), else null. */
    public KeySpans spans() {
        return spans;
    }

    public DriftMemory drift() {
        return drift;
    }
}
