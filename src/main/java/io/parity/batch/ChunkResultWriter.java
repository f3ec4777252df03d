package io.parity.batch;

import io.parity.core.ChunkResult;
import io.parity.store.RunStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Records chunk results in the run store, inside the step's transaction (see {@link RunStore}). */
public class ChunkResultWriter implements ItemWriter<ChunkResult> {

    private final RunStore store;
    private final long runId;
    private final RunProgress progress;

    public ChunkResultWriter(RunStore store, long runId, RunProgress progress) {
        this.store = store;
        this.runId = runId;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends ChunkResult> results) {
        store.saveChunks(runId, results.getItems());
        results.getItems().forEach(progress::chunkDone);
    }
}
