package io.parity.reconcile;

import io.parity.checksum.ChecksumPair;
import io.parity.checksum.ChunkChecksummer;
import io.parity.chunk.ChunkWalker;
import io.parity.chunk.KeyRange;
import io.parity.chunk.KeyValues;
import io.parity.connect.SideConnection;
import io.parity.error.ParityException;
import io.parity.schema.TablePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Narrows a mismatching key range down to rows. Ranges with more than {@code rowLimit} rows are halved at the median
 * key of the fuller side and each half is checksummed again, so only halves that really differ are descended into;
 * small ranges are read from both sides and merged. With few differences in a large chunk this reads about
 * {@code 2 * log2(rows / rowLimit)} checksums and {@code rowLimit} rows per difference instead of the whole chunk.
 */
public final class ChunkReconciler {

    /** Below this many rows reading both sides is cheaper than another round of checksums. */
    public static final int DEFAULT_ROW_LIMIT = 512;

    private final TablePlan plan;
    private final SideConnection source;
    private final SideConnection destination;
    private final ChunkChecksummer checksummer;
    private final ExecutorService executor;
    private final int rowLimit;
    private final RowMerger merger;

    public ChunkReconciler(TablePlan plan, SideConnection source, SideConnection destination,
                           ChunkChecksummer checksummer, ExecutorService executor, int rowLimit) {
        this.plan = plan;
        this.source = source;
        this.destination = destination;
        this.checksummer = checksummer;
        this.executor = executor;
        this.rowLimit = rowLimit;
        this.merger = new RowMerger(plan.id(), new KeyOrder(plan.source().key()), plan.source().columnNames());
    }

    /** Row differences in {@code range}, whose checksums {@code pair} disagree. */
    public List<RowDiff> reconcile(KeyRange range, ChecksumPair pair) {
        List<RowDiff> diffs = new ArrayList<>();
        descend(range, pair, diffs);
        return diffs;
    }

    private void descend(KeyRange range, ChecksumPair pair, List<RowDiff> out) {
        if (pair.matches()) {
            return;
        }
        if (pair.maxRows() <= rowLimit) {
            out.addAll(mergeRows(range));
            return;
        }
        Optional<KeyValues> middle = median(range, pair);
        if (middle.isEmpty() || middle.get().equals(range.upper())) {
            out.addAll(mergeRows(range));
            return;
        }
        KeyRange left = new KeyRange(range.lower(), middle.get());
        KeyRange right = new KeyRange(middle.get(), range.upper());
        descend(left, checksummer.both(plan.source(), plan.destination(), left), out);
        descend(right, checksummer.both(plan.source(), plan.destination(), right), out);
    }

    private Optional<KeyValues> median(KeyRange range, ChecksumPair pair) {
        boolean sourceFuller = pair.source().rows() >= pair.destination().rows();
        SideConnection side = sourceFuller ? source : destination;
        long rows = sourceFuller ? pair.source().rows() : pair.destination().rows();
        return new ChunkWalker(side).keyAt(sourceFuller ? plan.source() : plan.destination(), range, rows / 2 - 1, true);
    }

    private List<RowDiff> mergeRows(KeyRange range) {
        CompletableFuture<List<RowImage>> src = CompletableFuture.supplyAsync(
                () -> RowFetcher.fetch(source, plan.source(), range), executor);
        List<RowImage> dst = RowFetcher.fetch(destination, plan.destination(), range);
        try {
            return merger.merge(src.join(), dst);
        } catch (CompletionException e) {
            throw e.getCause() instanceof ParityException p ? p : e;
        }
    }
}
