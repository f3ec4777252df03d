package io.parity.core;

import java.util.Locale;

/**
 * Where rows are hashed. {@code server}: each side computes a chunk's checksum in one aggregate query, and only
 * three numbers cross the network. {@code client}: each side streams the chunk's rows and Parity hashes them in Java,
 * which moves the hashing CPU off the database servers (the rows are still read and sent). Both sides always use the
 * same place, so their checksums compare; reconciliation and reports are the same either way.
 */
public enum Hashing {
    SERVER,
    CLIENT;

    public static Hashing parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
