package io.parity.spec;

import java.util.Locale;

/**
 * How a chunk whose checksums differ is narrowed down to rows. {@code row-hashes} (the default, where both dialects
 * can list row hashes): one key-ordered scan per side returns every row's key and hash, and only rows whose hashes
 * differ are read in full; when most recent chunks of a segment differed, chunks are listed straight away instead
 * of checksummed first. {@code buckets}: checksums per key bucket, descending into differing buckets until they are
 * small enough to read as rows. Both report the same differences.
 */
public enum Reconcile {
    ROW_HASHES,
    BUCKETS;

    public static Reconcile parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
