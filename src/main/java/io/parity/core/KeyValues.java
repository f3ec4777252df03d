package io.parity.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The key of one row, one value per key column, as the dialect read it: {@link Long}, {@link java.math.BigInteger},
 * {@link java.math.BigDecimal}, {@link Double}, {@link String} (text and temporal keys, in the server's text form) or
 * {@code byte[]}. Immutable: byte arrays are copied in and out.
 */
public final class KeyValues {

    private final List<Object> values;

    private KeyValues(List<Object> values) {
        this.values = values;
    }

    public static KeyValues of(Object... values) {
        return of(Arrays.asList(values));
    }

    public static KeyValues of(List<?> values) {
        List<Object> copy = new ArrayList<>(values.size());
        for (Object v : values) {
            if (v == null) {
                throw new IllegalArgumentException("key values cannot be NULL");
            }
            copy.add(v instanceof byte[] b ? b.clone() : v);
        }
        return new KeyValues(Collections.unmodifiableList(copy));
    }

    public int size() {
        return values.size();
    }

    public Object get(int i) {
        Object v = values.get(i);
        return v instanceof byte[] b ? b.clone() : v;
    }

    /** Values for binding; arrays are copies. */
    public List<Object> toList() {
        List<Object> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(get(i));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyValues other) || other.values.size() != values.size()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Arrays.deepEquals(new Object[] {values.get(i)}, new Object[] {other.values.get(i)})) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values.toArray());
    }

    /** Readable form for logs and messages: binary values in hex with a {@code 0x} prefix. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            sb.append(i == 0 ? "" : ", ").append(v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : v);
        }
        return sb.append(')').toString();
    }
}
