package io.parity.core;

import java.util.Locale;

/** How one row differs, seen from the source. */
public enum DiffKind {
    /** On the source, not on the destination. */
    MISSING,
    /** On the destination, not on the source (including a second row with a key the destination holds twice). */
    EXTRA,
    /** On both, with different values in some columns. */
    CHANGED,
    /** In two or more shards of a sharded side, where every row belongs to exactly one. */
    DUPLICATE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
