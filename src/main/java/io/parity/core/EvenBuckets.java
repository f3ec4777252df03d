package io.parity.core;

import java.util.Optional;

/**
 * A key range {@code (lower, upper]} of a one-column integer key cut into {@code count} buckets of {@code width}
 * consecutive key values: bucket {@code i} holds the keys in {@code (lower + i*width, lower + (i+1)*width]}, the
 * last one ending at {@code upper}. A server computes a row's bucket as {@code (key - lower - 1) DIV width}, so the
 * buckets' checksums come from the same single scan as the range's checksum, without first reading split keys.
 * Buckets are even in key values, not in rows: where keys cluster, one bucket may hold most rows, which only makes
 * that bucket's narrowing take another step.
 *
 * <p>Immutable.
 */
public record EvenBuckets(KeyRange range, long lower, long width, int count) {

    /**
     * Buckets for {@code range} of a key of one integer column when the range has integer bounds whose span fits in a
     * {@code long}; empty otherwise (open ranges, and every {@code BIGINT UNSIGNED} range, whose bounds Parity reads
     * as {@code BigInteger}). The caller checks that both sides key on one integer column.
     */
    public static Optional<EvenBuckets> of(KeyRange range, int fanout) {
        if (range.isOpenBelow() || range.isOpenAbove() || range.lower().size() != 1
                || !(range.lower().get(0) instanceof Long lo) || !(range.upper().get(0) instanceof Long hi)
                || hi <= lo) {
            return Optional.empty();
        }
        long span;
        try {
            span = Math.subtractExact(hi, lo);
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
        long width = span / fanout + (span % fanout == 0 ? 0 : 1);   // ceil without overflow near Long.MAX_VALUE
        int count = (int) (span / width + (span % width == 0 ? 0 : 1));
        return Optional.of(new EvenBuckets(range, lo, width, count));
    }

    /** The first key value of bucket 0, which the server subtracts before dividing by {@link #width}. */
    public long base() {
        return lower + 1;
    }

    /** The key range of bucket {@code i}. */
    public KeyRange bucket(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("bucket " + i + " of " + count);
        }
        KeyValues from = i == 0 ? range.lower() : KeyValues.of(lower + i * width);
        KeyValues to = i == count - 1 ? range.upper() : KeyValues.of(lower + (i + 1) * width);
        return new KeyRange(from, to);
    }
}
