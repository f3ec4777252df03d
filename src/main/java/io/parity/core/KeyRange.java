package io.parity.core;

/**
 * A half-open range of keys in the server's key order: {@code lower < key <= upper}. A null bound is open, so
 * {@code (null, null)} is the whole table. Both sides of a comparison are read with the same range.
 */
public record KeyRange(KeyValues lower, KeyValues upper) {

    public static final KeyRange ALL = new KeyRange(null, null);

    public boolean isOpenBelow() {
        return lower == null;
    }

    public boolean isOpenAbove() {
        return upper == null;
    }

    @Override
    public String toString() {
        return (lower == null ? "(-inf" : "(" + lower) + " .. " + (upper == null ? "+inf)" : upper + "]");
    }
}
