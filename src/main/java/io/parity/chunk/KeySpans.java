package io.parity.chunk;

import io.parity.core.Chunk;
import io.parity.core.KeyRange;

import java.util.OptionalLong;

/**
 * Where the next chunk of a segment keyed on one integer column should end, from the key density its previous chunks
 * showed: {@code upper = lower + planned rows / rows per key}. This replaces the index walk
 * ({@code SELECT k ... ORDER BY k LIMIT n, 1}), which reads every row it skips: measured on the benchmark, 0.2 µs of
 * source CPU per row, about a seventh of what both servers spend on a verify with client hashing.
 *
 * <p>Arithmetic cuts are what make data-diff's chunks uneven on gappy keys, so the density is kept conservative and
 * every cut is checked before use ({@link ChunkWalker}): the density follows a decaying average (each chunk weighs a
 * quarter) but takes a denser observation at once, spans at most double from one chunk to the next, and the walker
 * asks the server's optimizer how many rows the cut range holds, falling back to the index walk for that chunk when
 * the estimate is more than {@link #TOLERANCE} times the planned rows. Chunk boundaries only decide how rows are
 * grouped; every key between a segment's bounds still belongs to exactly one chunk.
 *
 * <p>Thread-safe: the reader plans ahead on another thread while the processor reports.
 */
public final class KeySpans {

    /** How many times the planned rows a cut range may be estimated to hold before the index walk is used instead. */
    public static final double TOLERANCE = 4.0;
    static final double HISTORY_WEIGHT = 0.75;

    private double rowsPerKey = -1;
    private long lastSpan = -1;

    /** The chunk {@code range} held {@code rows} rows (the fuller side's count). Ranges without integer bounds are ignored. */
    public synchronized void observe(KeyRange range, long rows) {
        OptionalLong span = span(range);
        if (span.isEmpty() || rows < 0) {
            return;
        }
        double density = rows / (double) span.getAsLong();
        double averaged = rowsPerKey < 0 ? density : HISTORY_WEIGHT * rowsPerKey + (1 - HISTORY_WEIGHT) * density;
        rowsPerKey = Math.max(averaged, density);
        lastSpan = span.getAsLong();
    }

    /**
     * The upper bound of a chunk of about {@code planned} rows after {@code lower}, or empty while no chunk of this
     * segment has been observed. May lie beyond the segment: the caller clamps it.
     */
    public synchronized OptionalLong upper(long lower, int planned) {
        if (lastSpan <= 0) {
            return OptionalLong.empty();
        }
        double wanted = rowsPerKey > 0 ? planned / rowsPerKey : Double.MAX_VALUE;
        long span = (long) Math.max(1, Math.min(wanted, 2.0 * lastSpan));
        return OptionalLong.of(lower > Long.MAX_VALUE - span ? Long.MAX_VALUE : lower + span);
    }

    /** {@code upper - lower} of a range with {@code Long} bounds on one column, when positive and without overflow. */
    static OptionalLong span(KeyRange range) {
        if (range.isOpenBelow() || range.isOpenAbove() || range.lower().size() != 1
                || !(range.lower().get(0) instanceof Long lo) || !(range.upper().get(0) instanceof Long hi) || hi <= lo) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.subtractExact(hi, lo));
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }
}
