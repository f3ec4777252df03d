package io.parity.batch;

import io.parity.core.ChunkResult;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Live counters of a running verification, for the terminal. Updated by writers on partition threads; read by the CLI.
 */
public final class RunProgress {

    private final AtomicLong chunks = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong diffs = new AtomicLong();
    private volatile Consumer<RunProgress> listener = p -> { };

    void chunkDone(ChunkResult result) {
        chunks.incrementAndGet();
        rows.addAndGet(Math.max(result.checksums().source().rows(), result.checksums().destination().rows()));
        diffs.addAndGet(result.diffs().size());
        listener.accept(this);
    }

    public void onChange(Consumer<RunProgress> listener) {
        this.listener = listener;
    }

    public long chunks() {
        return chunks.get();
    }

    public long rows() {
        return rows.get();
    }

    public long diffs() {
        return diffs.get();
    }
}
