package io.parity.verify;

import io.parity.core.ChecksumPair;
import io.parity.core.Chunk;
import io.parity.core.ChunkResult;
import io.parity.core.KeyedRowHashes;
import io.parity.core.RowDiff;
import io.parity.core.RowHashes;
import io.parity.core.Sides;
import io.parity.reconcile.ChunkReconciler;
import io.parity.reconcile.KeyBytesMerge;
import io.parity.reconcile.MultisetComparison;
import io.parity.schema.TablePlan;
import io.parity.spec.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Checks one chunk: checksums on both sides at once, and row reconciliation only when they disagree. The throttle is
 * consulted before and after; a transient failure (connection killed, lock wait timeout) is retried with backoff.
 */
public final class ChunkVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkVerifier.class);

    private final VerifyContext context;

    public ChunkVerifier(VerifyContext context) {
        this.context = context;
    }

    public ChunkResult verify(Chunk chunk) {
        context.throttle().beforeChunk();
        RetryPolicy retry = context.spec().options().retry();
        for (int attempt = 0; ; attempt++) {
            try {
                ChunkResult result = once(chunk);
                context.throttle().afterChunk(result.checksums().maxRows());
                return result;
            } catch (RuntimeException e) {
                if (attempt >= retry.attempts() || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warn("chunk {} failed ({}); retry {} of {}", chunk.id(), e.getMessage(), attempt + 1, retry.attempts());
                pause(retry.delay().multipliedBy(1L << attempt));
            }
        }
    }

    private static void pause(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** Counts a chunk compared by a query only the servers compute, for the report's hashing line. */
    private void onServer(ChecksumPair pair) {
        context.checksummer().places().onServer(io.parity.core.Side.SOURCE, pair.source().rows());
        context.checksummer().places().onServer(io.parity.core.Side.DESTINATION, pair.destination().rows());
    }

    private static ChecksumPair sum(List<ChecksumPair> pairs) {
        io.parity.core.ChunkChecksum source = io.parity.core.ChunkChecksum.EMPTY;
        io.parity.core.ChunkChecksum destination = io.parity.core.ChunkChecksum.EMPTY;
        for (ChecksumPair p : pairs) {
            source = source.plus(p.source());
            destination = destination.plus(p.destination());
        }
        return new ChecksumPair(source, destination);
    }

    /**
     * Buckets for a chunk of {@code planned} rows checksummed per bucket first: enough that a bucket with a difference
     * holds about half the rows the reconciler reads at once, so it is read as rows straight away instead of being
     * cut again by split keys and checksummed once more on both servers; at least {@link ChunkReconciler#FANOUT}.
     */
    static int evenBucketCount(int planned) {
        return (int) Math.max(ChunkReconciler.FANOUT, Math.min(EVEN_BUCKETS_MAX,
                (planned + ChunkReconciler.DEFAULT_ROW_LIMIT / 2L - 1) / (ChunkReconciler.DEFAULT_ROW_LIMIT / 2)));
    }

    /** The most buckets per chunk: each is a row of the per-bucket result. */
    static final int EVEN_BUCKETS_MAX = 256;

    private ChunkResult once(Chunk chunk) {
        long start = System.nanoTime();
        TablePlan plan = context.plan(chunk.tableId());
        if (plan.source().key().isEmpty()) {
            MultisetComparison.Result r = new MultisetComparison(plan, context.source(), context.destination()).compare();
            return new ChunkResult(chunk, r.checksums(), r.diffs(), (System.nanoTime() - start) / 1_000_000);
        }
        if (context.shards().isPresent()) {
            io.parity.shard.ShardMerge.Result r = new io.parity.shard.ShardMerge(plan, context.shards().get(),
                    context.single(), context.checksummer().plan().hash()).compare();
            return new ChunkResult(chunk, r.checksums(), r.diffs(), (System.nanoTime() - start) / 1_000_000,
                    r.shardRows());
        }
        if (plan.keyBytesOrder()) {
            KeyBytesMerge.Result r = new KeyBytesMerge(plan, context.source(), context.destination(),
                    context.checksummer().plan().hash()).compare();
            return new ChunkResult(chunk, r.checksums(), r.diffs(), (System.nanoTime() - start) / 1_000_000);
        }
        ChunkReconciler reconciler = context.reconciler(plan);
        SegmentState segment = context.segment(chunk.tableId(), chunk.segment());
        DriftMemory drift = segment.drift();
        ChecksumPair pair = null;
        List<RowDiff> diffs = List.of();
        if (reconciler.lists() && context.checksummer().keepsRowHashes(plan.source(), plan.destination())) {
            // Client hashing streams every row anyway: keeping keys and hashes makes a differing chunk its own listing.
            int planned = segment.sizer().planned(chunk.ordinal());
            Sides<KeyedRowHashes> kept = context.checksummer().keyedChecksums(plan.source(),
                    plan.destination(), chunk.range(), ChunkReconciler.KEEP_LIMIT, planned);
            pair = new ChecksumPair(kept.source().checksum(), kept.destination().checksum());
            if (!pair.matches() && !(kept.source().complete() && kept.destination().complete())
                    && pair.maxRows() <= ChunkReconciler.KEEP_LIMIT) {
                // hashing: auto hashed this chunk on a server, which keeps no rows: one pass in Parity lists it
                kept = context.checksummer().keyedInParity(plan.source(), plan.destination(), chunk.range(),
                        ChunkReconciler.KEEP_LIMIT, planned).orElse(kept);
            }
            if (!pair.matches()) {
                diffs = kept.source().complete() && kept.destination().complete()
                        ? reconciler.fromListings(chunk.range(),
                                KeyedRowHashes.differing(kept.source(), kept.destination()))
                        : reconciler.reconcile(chunk.range(), pair, drift.dense());
            }
        }
        boolean evenBuckets = context.checksummer().evenBucketsFirst() && plan.source().singleIntegerKey()
                && plan.destination().singleIntegerKey();
        if (pair == null && reconciler.lists() && (drift.expectsDifferences()
                || drift.expectsSparseDifferences() && !context.checksummer().bucketChecksums() && !evenBuckets)
                && segment.sizer().planned(chunk.ordinal()) <= ChunkReconciler.LIST_LIMIT) {
            // Dense differences, or sparse ones where no bucket checksums could narrow them (across engines; on
            // PostgreSQL with a key that is not one integer column): a differing chunk would be listed anyway, so
            // one listing per side both checksums and reconciles it.
            java.util.Optional<Sides<KeyedRowHashes>> keyed = context.checksummer().keyedListings(plan.source(),
                    plan.destination(), chunk.range(), ChunkReconciler.LIST_LIMIT,
                    segment.sizer().planned(chunk.ordinal()));
            if (keyed.isPresent()) {
                // one integer key: kept as keys and hashes in arrays, an object made only for each differing row
                if (keyed.get().source().complete() && keyed.get().destination().complete()) {
                    pair = new ChecksumPair(keyed.get().source().checksum(), keyed.get().destination().checksum());
                    onServer(pair);
                    diffs = pair.matches() ? List.of() : reconciler.fromListings(chunk.range(),
                            KeyedRowHashes.differing(keyed.get().source(), keyed.get().destination()));
                }
            } else {
                Sides<RowHashes> listings = context.checksummer().listings(plan.source(), plan.destination(),
                        chunk.range(), ChunkReconciler.LIST_LIMIT);
                if (listings.source().complete() && listings.destination().complete()) {
                    pair = new ChecksumPair(listings.source().checksum(), listings.destination().checksum());
                    onServer(pair);
                    diffs = pair.matches() ? List.of() : reconciler.fromListings(chunk.range(), listings);
                }
            }
        }
        if (pair == null && drift.expectsSparseDifferences() && context.checksummer().evenBucketsFirst()) {
            // Sparse differences expected: the per-bucket checksums both compare the chunk and say where it differs.
            java.util.Optional<io.parity.core.EvenBuckets> buckets = plan.source().singleIntegerKey()
                    && plan.destination().singleIntegerKey() ? io.parity.core.EvenBuckets.of(chunk.range(),
                    evenBucketCount(segment.sizer().planned(chunk.ordinal()))) : java.util.Optional.empty();
            if (buckets.isPresent()) {
                List<ChecksumPair> pairs = context.checksummer().evenBuckets(plan.source(), plan.destination(),
                        buckets.get());
                pair = sum(pairs);
                onServer(pair);
                diffs = pair.matches() ? List.of() : reconciler.reconcile(buckets.get(), pairs);
            }
        }
        if (pair == null) {
            pair = context.checksummer().both(plan.source(), plan.destination(), chunk.range());
            diffs = pair.matches() ? List.of() : reconciler.reconcile(chunk.range(), pair, drift.dense());
        }
        drift.observe(!pair.matches(), diffs.size());
        if (!pair.matches() && diffs.isEmpty()) {
            // Rows are authoritative: equal canonical rows on both sides mean the chunk is equal now (a change was in
            // flight between the checksum and the row read, or the checksum disagreed without cause).
            LOG.info("chunk {}: checksums differed but every row is equal now", chunk.id());
        }
        return new ChunkResult(chunk, pair, diffs, (System.nanoTime() - start) / 1_000_000);
    }
}
