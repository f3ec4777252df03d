package io.parity.batch;

import io.parity.chunk.Chunk;
import io.parity.verify.ChunkResult;
import io.parity.verify.ChunkVerifier;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Adapts {@link ChunkVerifier} to Spring Batch. */
public class ChunkProcessor implements ItemProcessor<Chunk, ChunkResult> {

    private final ChunkVerifier verifier;

    public ChunkProcessor(ChunkVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public ChunkResult process(Chunk chunk) {
        return verifier.verify(chunk);
    }
}
