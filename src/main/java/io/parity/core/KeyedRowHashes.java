package io.parity.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The row hashes a client-hashed chunk computes anyway, kept with their keys while the rows stream by, for tables
 * keyed on one integer column: three {@code long}s a row in growing arrays, no object per row. When the chunk's
 * checksums then differ, {@link #differing} merges two sides' kept rows and hands
 * {@link ChunkReconciler#fromListings} only the rows that do not match, so a differing chunk is reconciled without
 * reading it again and without an object per equal row. Holds at most {@code limit} rows; past that it stops keeping
 * them and is {@linkplain #complete() incomplete} (the checksum itself is unaffected).
 *
 * <p>Not thread-safe: one per chunk and side.
 */
public final class KeyedRowHashes {

    private final int limit;
    private long[] keys;
    private long[] a;
    private long[] b;
    private int size;
    private boolean complete = true;
    private ChunkChecksum checksum;

    public KeyedRowHashes(int limit) {
        this(limit, 1024);
    }

    /**
     * @param expected the rows the chunk was planned to hold: the arrays start at that size (plus a little), so a
     *                 chunk's rows are kept without the growing copies that made this the hottest allocation site
     */
    public KeyedRowHashes(int limit, int expected) {
        this.limit = limit;
        int initial = (int) Math.max(16, Math.min(limit, expected + (long) expected / 16));
        this.keys = new long[initial];
        this.a = new long[initial];
        this.b = new long[initial];
    }

    /** Records one row. Primitive on purpose: this runs once per streamed row. */
    public void add(long key, long rowA, long rowB) {
        if (!complete) {
            return;
        }
        if (size == limit) {
            complete = false;
            return;
        }
        if (size == keys.length) {
            int grown = (int) Math.min(limit, size * 2L);
            keys = Arrays.copyOf(keys, grown);
            a = Arrays.copyOf(a, grown);
            b = Arrays.copyOf(b, grown);
        }
        keys[size] = key;
        a[size] = rowA;
        b[size] = rowB;
        size++;
    }

    /** A row whose key cannot be kept (not a {@code long}): this side's kept rows can no longer stand for the chunk. */
    public void giveUp() {
        complete = false;
    }

    /** Sets the count and sums of every row the side streamed (kept or not). */
    public void finish(ChunkChecksum sum) {
        this.checksum = sum;
    }

    public ChunkChecksum checksum() {
        return checksum;
    }

    /** Whether every row's key and hash were kept, so {@link #toRowHashes()} is the chunk's full listing. */
    public boolean complete() {
        return complete && checksum != null;
    }

    public int size() {
        return size;
    }

    /** The kept rows as a key-ordered listing (integer keys order numerically on every server). */
    public RowHashes toRowHashes() {
        requireComplete();
        int[] order = order();
        List<HashedRow> rows = new ArrayList<>(size);
        for (int i : order) {
            rows.add(row(i));
        }
        return new RowHashes(rows, checksum, true);
    }

    /**
     * Both sides' kept rows, merged by key, reduced to the rows that do not match: a key on one side only, or a key
     * whose hashes differ (then on both sides). Each listing keeps its side's full checksum, so the share of changed
     * rows is still judged against the whole chunk. At 1e-4 drift a third of the chunks differ, each by a row or two;
     * building an object per kept row of such a chunk cost a fifth of the run's client CPU.
     */
    public static io.parity.core.Sides<RowHashes> differing(KeyedRowHashes source,
                                                                                KeyedRowHashes destination) {
        source.requireComplete();
        destination.requireComplete();
        int[] s = source.order();
        int[] d = destination.order();
        List<HashedRow> onlySource = new ArrayList<>();
        List<HashedRow> onlyDestination = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < s.length || j < d.length) {
            int c = i == s.length ? 1 : j == d.length ? -1 : Long.compare(source.keys[s[i]], destination.keys[d[j]]);
            if (c < 0) {
                onlySource.add(source.row(s[i++]));
            } else if (c > 0) {
                onlyDestination.add(destination.row(d[j++]));
            } else {
                int x = s[i++];
                int y = d[j++];
                if (source.a[x] != destination.a[y] || source.b[x] != destination.b[y]) {
                    onlySource.add(source.row(x));
                    onlyDestination.add(destination.row(y));
                }
            }
        }
        return new io.parity.core.Sides<>(new RowHashes(onlySource, source.checksum, true),
                new RowHashes(onlyDestination, destination.checksum, true));
    }

    private void requireComplete() {
        if (!complete()) {
            throw new IllegalStateException("an incomplete listing cannot stand in for a chunk");
        }
    }

    private HashedRow row(int i) {
        return new HashedRow(new RowImage(KeyValues.of(keys[i]), new byte[1][], new byte[0][]), a[i], b[i]);
    }

    /** Indexes of the kept rows in key order: the streamed order when it already is (a primary-key range scan). */
    private int[] order() {
        int[] order = new int[size];
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            sorted &= i == 0 || keys[i - 1] < keys[i];
        }
        if (!sorted) {
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (x, y) -> Long.compare(keys[x], keys[y]));
            for (int i = 0; i < size; i++) {
                order[i] = boxed[i];
            }
        }
        return order;
    }
}
