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
 * Narrows a mismatching key range down to rows. A range with more than {@code rowLimit} rows is cut into
 * {@value #FANOUT} buckets at keys of the fuller side (one index scan) and checksummed per bucket in one query per
 * side; only buckets that differ are descended into, and small ranges are read from both sides and merged. A 10,000
 * row chunk with a few differences costs one more scan plus a few hundred rows read per difference, instead of
 * {@code log2} rounds of halving (each re-reading half the range) or reading the whole chunk.
 */
public final class ChunkReconciler {

    /** Below this many rows reading both sides is cheaper than another round of checksums. */
    public static final int DEFAULT_ROW_LIMIT = 1000;

    /** Buckets per split: enough that a bucket of a default chunk is small enough to read as rows. */
    static final int FANOUT = 16;

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
        if (pair.maxRows() <= rowLimit || !source.dialect().supportsBucketChecksums()
                || !destination.dialect().supportsBucketChecksums()) {
            out.addAll(mergeRows(range));
            return;
        }
        List<KeyValues> splits = splits(range, pair);
        if (splits.isEmpty()) {
            out.addAll(mergeRows(range));
            return;
        }
        List<ChecksumPair> buckets = checksummer.buckets(plan.source(), plan.destination(), range, splits);
        for (int i = 0; i < buckets.size(); i++) {
            KeyRange bucket = new KeyRange(i == 0 ? range.lower() : splits.get(i - 1),
                    i == splits.size() ? range.upper() : splits.get(i));
            descend(bucket, buckets.get(i), out);
        }
    }

    /** Keys of the fuller side that cut the range into {@value #FANOUT} buckets; never the range's own upper bound. */
    private List<KeyValues> splits(KeyRange range, ChecksumPair pair) {
        boolean sourceFuller = pair.source().rows() >= pair.destination().rows();
        SideConnection side = sourceFuller ? source : destination;
        long rows = pair.maxRows();
        long every = Math.max(1, (rows + FANOUT - 1) / FANOUT);
        List<KeyValues> keys = new ChunkWalker(side).keys(side.dialect().splitKeys(
                sourceFuller ? plan.source() : plan.destination(), range, every),
                sourceFuller ? plan.source() : plan.destination());
        return keys.stream().filter(k -> !k.equals(range.upper())).toList();
    }

    private List<RowDiff> mergeRows(KeyRange range) {
        if (checksummer.fence().active()) {
            List<RowImage> src = RowFetcher.fetch(source, plan.source(), range);
            checksummer.fence().afterSourceRead();
            return merger.merge(src, RowFetcher.fetch(destination, plan.destination(), range));
        }
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
