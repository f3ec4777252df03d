package io.parity.batch;

import io.parity.core.Chunk;
import io.parity.core.ChunkResult;
import io.parity.verify.ChunkVerifier;
import io.parity.verify.SegmentState;
import io.parity.verify.VerifyContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Adapts {@link ChunkVerifier} to Spring Batch. */
public class ChunkProcessor implements ItemProcessor<Chunk, ChunkResult> {

    private final ChunkVerifier verifier;
    private final VerifyContext context;

    public ChunkProcessor(VerifyContext context) {
        this.context = context;
        this.verifier = new ChunkVerifier(context);
    }

    /**
     * Verifies the chunk and reports its time to the segment's sizer (see {@code options.chunk-time}) and its rows to
     * the segment's key spans (see {@code options.boundaries}).
     */
    @Override
    public ChunkResult process(Chunk chunk) {
        long start = System.nanoTime();
        ChunkResult result = verifier.verify(chunk);
        SegmentState segment = context.segment(chunk.tableId(), chunk.segment());
        segment.sizer().observe(chunk.ordinal(), System.nanoTime() - start);
        if (segment.spans() != null) {
            segment.spans().observe(chunk.range(), result.checksums().maxRows());
        }
        return result;
    }
}
