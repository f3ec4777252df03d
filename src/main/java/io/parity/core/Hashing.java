package io.parity.core;

import java.util.Locale;

/**
 * Where rows are hashed.
 * <ul>
 *   <li>{@code auto} (the default): both sides hash the servers' own row encoding with the same hash, so a chunk's
 *       checksum is the same wherever it is computed, and each side's place is chosen, and revisited, from what the
 *       run measures: either the server computes it in one aggregate query (only three numbers cross the network),
 *       or the server streams the chunk's column values and Parity rebuilds the encoding and hashes it in Java
 *       (the server then neither converts numbers and times to text nor hashes).</li>
 *   <li>{@code server}: every chunk checksum computed by the servers.</li>
 *   <li>{@code client}: both sides stream rows in their binary form and Parity hashes them in its own length-tagged
 *       encoding, which the servers cannot compute, so both sides always hash in Java.</li>
 * </ul>
 * Reconciliation and reports are the same whichever place is used.
 */
public enum Hashing {
    AUTO,
    SERVER,
    CLIENT;

    public static Hashing parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
