package io.parity.reconcile;

import io.parity.core.RowImage;
import io.parity.schema.Column;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders rows by key exactly as the server's {@code ORDER BY key} does, so the merge of two key-ordered streams pairs
 * the right rows. Collated text keys are compared by the server's own sort weights ({@code WEIGHT_STRING}), which
 * makes {@code 'a'} and {@code 'A'} the same key under a case-insensitive collation, as the server's unique index
 * does; numbers compare numerically, binary strings byte-wise unsigned, temporal values by their fixed-width text.
 */
public final class KeyOrder implements Comparator<RowImage> {

    private final List<Column> key;

    public KeyOrder(List<Column> key) {
        this.key = List.copyOf(key);
    }

    @Override
    public int compare(RowImage a, RowImage b) {
        for (int i = 0; i < key.size(); i++) {
            int c = key.get(i).collated()
                    ? Arrays.compareUnsigned(a.sortWeights()[i], b.sortWeights()[i])
                    : compareValues(a.key().get(i), b.key().get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int compareValues(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw new IllegalStateException("cannot order key values " + a.getClass() + " and " + b.getClass());
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
