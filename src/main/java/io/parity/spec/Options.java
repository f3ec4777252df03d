package io.parity.spec;

import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;

import java.time.Duration;

/**
 * Run options from the spec's {@code options:} block.
 *
 * @param chunkRows       rows per checksum chunk, the unit of work, restart and report
 * @param parallelism     partitions checked at once, each querying both sides concurrently; {@link #CHOSEN} when the
 *                        spec does not set it (see {@link #parallelism(boolean)})
 * @param hash            per-row hash; {@code null} means the dialect's default
 * @param recheck         how differences are re-checked before they count
 * @param retry           how chunks that failed transiently are retried
 * @param throttle        limits that pause or slow the run
 * @param lockWaitTimeout how long a read may wait for a metadata lock (DDL) before it fails and is retried
 * @param fence           how in-flight rows are kept out: GTID fence, re-check until quiet, or neither ({@link FenceMode})
 * @param fenceTimeout    how long to wait for that
 * @param hashing         where rows are hashed: chosen per side from measurements (auto), in one aggregate query per
 *                        side (server) or streamed to Parity in its own encoding (client); see {@link Hashing}
 * @param chunkTime       target time per chunk: chunk sizes adapt toward it from the slower side's rows per second,
 *                        starting at {@code chunkRows}; {@code null} keeps every chunk at {@code chunkRows}
 * @param reconcile       how differing chunks are narrowed down to rows
 * @param boundaries      how chunk boundaries are found on one-column integer keys
 */
public record Options(int chunkRows, int parallelism, HashAlgorithm hash, RecheckPolicy recheck, RetryPolicy retry,
                      ThrottlePolicy throttle, Duration lockWaitTimeout, FenceMode fence, Duration fenceTimeout,
                      Hashing hashing, Duration chunkTime, Reconcile reconcile, Boundaries boundaries) {

    public static final int DEFAULT_CHUNK_ROWS = 10_000;
    /**
     * With {@code hashing: auto} or {@code client}: a differing chunk is reconciled from the keys and hashes kept while it streamed,
     * with no second scan, so larger chunks cost nothing with drift and halve the per-chunk round trips and commits
     * (measured at 2M rows with 1e-4 drift: engine time 3.4-3.8 s against 3.7-4.5 s, three alternating pairs).
     */
    public static final int DEFAULT_CLIENT_CHUNK_ROWS = 20_000;
    public static final int DEFAULT_PARALLELISM = 2;
    /** The value of {@code parallelism} when the spec leaves it to the run. */
    public static final int CHOSEN = 0;
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_FENCE_TIMEOUT = Duration.ofSeconds(60);

    public Options(int chunkRows, int parallelism, HashAlgorithm hash, RecheckPolicy recheck, RetryPolicy retry,
                   ThrottlePolicy throttle, Duration lockWaitTimeout, FenceMode fence, Duration fenceTimeout,
                   Hashing hashing, Duration chunkTime, Reconcile reconcile) {
        this(chunkRows, parallelism, hash, recheck, retry, throttle, lockWaitTimeout, fence, fenceTimeout, hashing,
                chunkTime, reconcile, Boundaries.ARITHMETIC);
    }

    public Options(int chunkRows, int parallelism, HashAlgorithm hash) {
        this(chunkRows, parallelism, hash, RecheckPolicy.defaults(), RetryPolicy.defaults(), ThrottlePolicy.none(),
                DEFAULT_LOCK_WAIT, FenceMode.AUTO, DEFAULT_FENCE_TIMEOUT, Hashing.SERVER, null, Reconcile.ROW_HASHES);
    }

    /**
     * Partitions checked at once: the spec's {@code parallelism}, or when it sets none {@value #DEFAULT_PARALLELISM},
     * twice that when a side is distant. Each partition checks one chunk at a time, and a chunk waits for its
     * queries' round trips (checksums, then listings and rows where it differs) one after another, so across a
     * distant link the servers idle between them unless more chunks are under way (measured, 2M rows with 2e-4 drift,
     * the destination 10 ms away: 0.90x the wall time with 4 partitions, the same with 3, 5 or 6; 30 ms away: 0.79x
     * with 4, 0.86x with 8, on two cores the servers share with Parity).
     */
    public int parallelism(boolean distant) {
        if (parallelism != CHOSEN) {
            return parallelism;
        }
        return distant ? 2 * DEFAULT_PARALLELISM : DEFAULT_PARALLELISM;
    }

    /** The most partitions {@link #parallelism(boolean)} can give, for sizing connection pools before it is known. */
    public int mostParallelism() {
        return parallelism == CHOSEN ? 2 * DEFAULT_PARALLELISM : parallelism;
    }

    /** What a spec without options gets: {@code hashing: auto} and its chunk size. */
    public static Options defaults() {
        return new Options(DEFAULT_CLIENT_CHUNK_ROWS, CHOSEN, null, RecheckPolicy.defaults(),
                RetryPolicy.defaults(), ThrottlePolicy.none(), DEFAULT_LOCK_WAIT, FenceMode.AUTO, DEFAULT_FENCE_TIMEOUT,
                Hashing.AUTO, null, Reconcile.ROW_HASHES);
    }
}
