package io.parity.chunk;

import io.parity.core.Chunk;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses how many rows the next chunk of one segment holds. Without a time target every chunk holds
 * {@code chunk-rows}. With one ({@code options.chunk-time}), sizes follow pt-table-checksum's method: a decaying
 * average of the rows per second observed so far (each new chunk weighs a quarter), times the target; the first
 * chunk holds {@code chunk-rows}. The observed time is the whole chunk's: both sides are queried at once, so it is
 * the slower side's checksum, plus reconciliation when the chunk differed.
 *
 * <p>Sizes stay between {@link #MIN_ROWS} and {@link #MAX_ROWS} and at most double from one chunk to the next, so
 * one fast chunk (a sparse stretch, a cached range) cannot produce a huge one. Chunk ids do not depend on sizes, and
 * a restarted partition starts again from {@code chunk-rows}. Thread-safe: the reader plans ahead on another thread
 * while the processor reports.
 */
public final class ChunkSizer {

    public static final int MIN_ROWS = 1_000;
    public static final int MAX_ROWS = 5_000_000;
    static final double HISTORY_WEIGHT = 0.75;

    private final int initial;
    private final Duration target;
    private final Map<Integer, Integer> planned = new HashMap<>();
    private double rowsPerSecond = -1;
    private int last;

    public ChunkSizer(int initialRows, Duration target) {
        this.initial = initialRows;
        this.target = target;
        this.last = initialRows;
    }

    /** The size of the chunk with this ordinal, remembered until {@link #observe} reports it. */
    public synchronized int next(int ordinal) {
        int size = initial;
        if (target != null && rowsPerSecond > 0) {
            double wanted = rowsPerSecond * target.toNanos() / 1e9;
            size = (int) Math.max(Math.min(initial, MIN_ROWS), Math.min(Math.min(MAX_ROWS, 2.0 * last), wanted));
        }
        planned.put(ordinal, size);
        last = size;
        return size;
    }

    /** The planned size of the chunk with this ordinal, or {@code chunk-rows} when it was not planned here. */
    public synchronized int planned(int ordinal) {
        return planned.getOrDefault(ordinal, initial);
    }

    /** The chunk with this ordinal will not be observed: the last chunk of a segment may hold fewer rows than planned. */
    public synchronized void forget(int ordinal) {
        planned.remove(ordinal);
    }

    /** The chunk with this ordinal took {@code nanos}. */
    public synchronized void observe(int ordinal, long nanos) {
        Integer rows = planned.remove(ordinal);
        if (rows == null || nanos <= 0) {
            return;
        }
        double rate = rows * 1e9 / nanos;
        rowsPerSecond = rowsPerSecond < 0 ? rate : HISTORY_WEIGHT * rowsPerSecond + (1 - HISTORY_WEIGHT) * rate;
    }

    public synchronized double rowsPerSecond() {
        return rowsPerSecond;
    }
}
