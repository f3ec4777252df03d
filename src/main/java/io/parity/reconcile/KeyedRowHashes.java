package io.parity.reconcile;

import io.parity.checksum.ChunkChecksum;
import io.parity.chunk.KeyValues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The row hashes a client-hashed chunk computes anyway, kept with their keys while the rows stream by, for tables
 * keyed on one integer column: three {@code long}s a row in growing arrays, no object per row. When the chunk's
 * checksums then differ, {@link #toRowHashes()} turns them into the listing {@link ChunkReconciler#fromListings}
 * merges, so a differing chunk is reconciled without reading it again. Holds at most {@code limit} rows; past that it
 * stops keeping them and is {@linkplain #complete() incomplete} (the checksum itself is unaffected).
 *
 * <p>Not thread-safe: one per chunk and side.
 */
public final class KeyedRowHashes {

    private final int limit;
    private long[] keys = new long[1024];
    private long[] a = new long[1024];
    private long[] b = new long[1024];
    private int size;
    private boolean complete = true;
    private ChunkChecksum checksum;

    public KeyedRowHashes(int limit) {
        this.limit = limit;
    }

    /** Records one row; a key that is not a {@code long} (an unsigned value above 2^63) is passed as {@code null}. */
    public void add(Long key, long rowA, long rowB) {
        if (!complete) {
            return;
        }
        if (key == null || size == limit) {
            complete = false;
            return;
        }
        if (size == keys.length) {
            int grown = Math.min(limit, size * 2);
            keys = Arrays.copyOf(keys, grown);
            a = Arrays.copyOf(a, grown);
            b = Arrays.copyOf(b, grown);
        }
        keys[size] = key;
        a[size] = rowA;
        b[size] = rowB;
        size++;
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
        if (!complete()) {
            throw new IllegalStateException("an incomplete listing cannot stand in for a chunk");
        }
        Integer[] order = new Integer[size];
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            sorted &= i == 0 || keys[i - 1] < keys[i];
        }
        if (!sorted) {
            Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
        }
        List<HashedRow> rows = new ArrayList<>(size);
        byte[][] noWeights = new byte[1][];
        byte[][] noValues = new byte[0][];
        for (int i : order) {
            rows.add(new HashedRow(new RowImage(KeyValues.of(keys[i]), noWeights, noValues), a[i], b[i]));
        }
        return new RowHashes(rows, checksum, true);
    }
}
