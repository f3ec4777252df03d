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
 *
 * <p>{@link #byKeyBytes} is the order both sides agree on when a text key's collation or character set differs
 * between them: text key parts compare by their Unicode code points, which is the order of their UTF-8 bytes (the
 * servers' {@code ORDER BY CAST(CONVERT(k USING utf8mb4) AS BINARY)}), so {@code 'a'} and {@code 'A'} are two keys.
 */
public final class KeyOrder implements Comparator<RowImage> {

    private final List<Column> key;
    private final boolean keyBytes;

    public KeyOrder(List<Column> key) {
        this(key, false);
    }

    private KeyOrder(List<Column> key, boolean keyBytes) {
        this.key = List.copyOf(key);
        this.keyBytes = keyBytes;
    }

    /** Text key parts by their code points (their UTF-8 bytes), every other part as {@link #KeyOrder(List)} does. */
    public static KeyOrder byKeyBytes(List<Column> key) {
        return new KeyOrder(key, true);
    }

    /** The order a plan's rows are merged in: key bytes where the sides' key collations differ. */
    public static KeyOrder of(io.parity.schema.TablePlan plan) {
        return new KeyOrder(plan.source().key(), plan.keyBytesOrder());
    }

    @Override
    public int compare(RowImage a, RowImage b) {
        for (int i = 0; i < key.size(); i++) {
            int c;
            if (keyBytes && a.key().get(i) instanceof String x && b.key().get(i) instanceof String y) {
                c = compareCodePoints(x, y);
            } else if (!keyBytes && key.get(i).collated()) {
                c = Arrays.compareUnsigned(a.sortWeights()[i], b.sortWeights()[i]);
            } else {
                c = compareValues(a.key().get(i), b.key().get(i));
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Compares by Unicode code points, the order of the strings' UTF-8 bytes. {@link String#compareTo} compares UTF-16
     * units, which puts supplementary characters (emoji) before U+E000..U+FFFF: not the servers' byte order.
     */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
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
