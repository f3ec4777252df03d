package io.parity.verify;

/**
 * Remembers how differences have been spread over recent chunks of one table segment, to pick the cheaper way to
 * narrow the next differing chunk. Two decaying averages (each chunk weighs a quarter): the share of chunks that
 * differed, and the number of differing rows in a differing chunk.
 *
 * <p>Measured on the benchmark (10,000-row chunks): bucket narrowing costs about 0.6 of a checksum scan for a chunk
 * with a few differences, but it multiplies with every differing bucket; a row hash listing costs about 1.4 scans
 * (the JVM decodes every row) whatever the number of differences. So sparse differences (a few per differing chunk)
 * are narrowed with buckets, dense ones with listings; and once most recent chunks differed densely, chunks are listed
 * straight away instead of checksummed first, which saves the checksum scan. When chunks stop differing the share
 * decays and checksums come first again. Thread-safe: one segment's chunks may be processed by consecutive threads.
 */
public final class DriftMemory {

    static final double HISTORY_WEIGHT = 0.75;
    static final double LIST_FIRST_SHARE = 0.5;

    /** Share of recently differing chunks from which sparse chunks are checksummed per bucket first. */
    static final double BUCKETS_FIRST_SHARE = 0.1;

    /** Differing rows per differing chunk from which listings beat buckets. */
    static final double DENSE_DIFFS = 8;

    private double differing;
    private double diffsPerChunk = -1;

    /** Records one chunk: whether its checksums differed, and how many rows differ. */
    public synchronized void observe(boolean differed, int diffs) {
        differing = HISTORY_WEIGHT * differing + (1 - HISTORY_WEIGHT) * (differed ? 1 : 0);
        if (differed) {
            diffsPerChunk = diffsPerChunk < 0 ? diffs : HISTORY_WEIGHT * diffsPerChunk + (1 - HISTORY_WEIGHT) * diffs;
        }
    }

    /**
     * Whether the next chunk is likely to differ, by a few rows: then checksumming it per bucket straight away (about
     * 15% more than one checksum) is cheaper than checksumming it and, if it differs, scanning it again per bucket.
     */
    public synchronized boolean expectsSparseDifferences() {
        return differing >= BUCKETS_FIRST_SHARE && !dense();
    }

    /** Whether differing chunks have recently held many differing rows, so a listing narrows them more cheaply. */
    public synchronized boolean dense() {
        return diffsPerChunk >= DENSE_DIFFS;
    }

    /** Whether the next chunk is likely to differ densely, so that listing its row hashes first is the cheaper bet. */
    public synchronized boolean expectsDifferences() {
        return differing >= LIST_FIRST_SHARE && dense();
    }
}
