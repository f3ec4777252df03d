package io.parity.verify;

import io.parity.checksum.ChecksumPair;
import io.parity.chunk.Chunk;
import io.parity.reconcile.RowDiff;
import io.parity.schema.TablePlan;

import java.util.List;

/** Checks one chunk: checksums on both sides at once, and row reconciliation only when they disagree. */
public final class ChunkVerifier {

    private final VerifyContext context;

    public ChunkVerifier(VerifyContext context) {
        this.context = context;
    }

    public ChunkResult verify(Chunk chunk) {
        long start = System.nanoTime();
        TablePlan plan = context.plan(chunk.tableId());
        ChecksumPair pair = context.checksummer().both(plan.source(), plan.destination(), chunk.range());
        List<RowDiff> diffs = pair.matches() ? List.of() : context.reconciler(plan).reconcile(chunk.range(), pair);
        return new ChunkResult(chunk, pair, diffs, (System.nanoTime() - start) / 1_000_000);
    }
}
