package io.parity.checksum;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.ChecksumPair;
import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.ParityException;
import io.parity.core.Sides;
import io.parity.dialect.SqlStatement;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Checksums one key range on both sides at once: the source query runs on the shared executor while the calling
 * thread runs the destination's, so a chunk costs the slower side's time, not the sum. Each query is a single
 * autocommit read: no transaction or lock outlives it. How a side computes its checksum (one pushed-down aggregate
 * query, or rows streamed and hashed in Java) is its dialect's business.
 */
public final class ChunkChecksummer {

    private final SideConnection source;
    private final SideConnection destination;
    private final HashAlgorithm hash;
    private final ExecutorService executor;
    private final Fence fence;
    private final io.parity.core.Hashing hashing;
    private final HashAlgorithm bucketHash;

    public ChunkChecksummer(SideConnection source, SideConnection destination, HashAlgorithm hash,
                            ExecutorService executor) {
        this(source, destination, hash, executor, Fence.none());
    }

    /** With an active fence the sides are read one after the other, the destination after it caught up. */
    public ChunkChecksummer(SideConnection source, SideConnection destination, HashAlgorithm hash,
                            ExecutorService executor, Fence fence) {
        this(source, destination, hash, executor, fence, io.parity.core.Hashing.SERVER, hash);
    }

    /**
     * @param hashing    where chunk checksums are computed (see {@link io.parity.core.Hashing})
     * @param bucketHash the hash of the pushed-down bucket checksums that narrow a mismatching chunk; with client
     *                   hashing the chunk's hash may be one the server lacks, and the buckets only compare with each
     *                   other, so the servers' own hash serves
     */
    public ChunkChecksummer(SideConnection source, SideConnection destination, HashAlgorithm hash,
                            ExecutorService executor, Fence fence, io.parity.core.Hashing hashing,
                            HashAlgorithm bucketHash) {
        this.source = source;
        this.destination = destination;
        this.hash = hash;
        this.executor = executor;
        this.fence = fence;
        this.hashing = hashing;
        this.bucketHash = bucketHash;
    }

    public Fence fence() {
        return fence;
    }

    /** Both sides' checksums of {@code range}. */
    public ChecksumPair both(SideTable src, SideTable dst, KeyRange range) {
        Sides<ChunkChecksum> sums = onBoth(() -> one(source, src, range), () -> one(destination, dst, range));
        return new ChecksumPair(sums.source(), sums.destination());
    }

    /**
     * Both sides' row hash listings of {@code range} (see {@link io.parity.dialect.Dialect#rowHashes}), with the
     * chunk hash and hashing place of {@link #both}, so their checksums equal what {@link #both} returns; at most
     * {@code limit} rows a side when {@code limit > 0}.
     */
    public Sides<io.parity.core.RowHashes> listings(SideTable src, SideTable dst, KeyRange range, int limit) {
        return onBoth(() -> listing(source, src, range, limit), () -> listing(destination, dst, range, limit));
    }

    /** Per-bucket checksums of {@code range} cut at {@code splits}, both sides at once; index = bucket. */
    public java.util.List<ChecksumPair> buckets(SideTable src, SideTable dst, KeyRange range,
                                                java.util.List<io.parity.core.KeyValues> splits) {
        Sides<java.util.Map<Integer, ChunkChecksum>> b = onBoth(() -> bucketed(source, src, range, splits),
                () -> bucketed(destination, dst, range, splits));
        java.util.List<ChecksumPair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i <= splits.size(); i++) {
            pairs.add(new ChecksumPair(b.source().getOrDefault(i, ChunkChecksum.EMPTY),
                    b.destination().getOrDefault(i, ChunkChecksum.EMPTY)));
        }
        return pairs;
    }

    /**
     * Per-bucket checksums of {@code buckets}' range, the buckets computed from the key by the servers: one scan per
     * side, index = bucket. Their sum is the range's checksum, so this can replace {@link #both} for a range that is
     * likely to differ. With server hashing only (the chunk hash then is the bucket hash).
     */
    public java.util.List<ChecksumPair> evenBuckets(SideTable src, SideTable dst, io.parity.core.EvenBuckets buckets) {
        Sides<java.util.Map<Integer, ChunkChecksum>> b = onBoth(() -> evenBucketed(source, src, buckets),
                () -> evenBucketed(destination, dst, buckets));
        java.util.List<ChecksumPair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < buckets.count(); i++) {
            pairs.add(new ChecksumPair(b.source().getOrDefault(i, ChunkChecksum.EMPTY),
                    b.destination().getOrDefault(i, ChunkChecksum.EMPTY)));
        }
        return pairs;
    }

    /** Whether {@link #evenBuckets} can stand in for {@link #both}: server hashing, and both dialects have them. */
    public boolean evenBucketsFirst() {
        return hashing == io.parity.core.Hashing.SERVER && bucketHash == hash
                && source.dialect().supportsEvenBuckets() && destination.dialect().supportsEvenBuckets();
    }

    /**
     * Both sides' streamed checksums of {@code range} ({@code hashing: client}), each side also keeping its rows' keys
     * and hashes (see {@link io.parity.core.KeyedRowHashes}), up to {@code limit} rows a side.
     */
    public Sides<io.parity.core.KeyedRowHashes> keyedChecksums(SideTable src, SideTable dst, KeyRange range,
                                                                   int limit, int expectedRows) {
        return onBoth(() -> keyed(source, src, range, limit, expectedRows),
                () -> keyed(destination, dst, range, limit, expectedRows));
    }

    /**
     * Whether {@link #keyedChecksums} can keep rows for this table: client hashing, one integer key column, not
     * {@code BIGINT UNSIGNED} (whose keys Parity reads as {@code BigInteger} everywhere else, so kept {@code long}
     * keys would not compare equal to them).
     */
    public boolean keepsRowHashes(SideTable src, SideTable dst) {
        return hashing == io.parity.core.Hashing.CLIENT && source.dialect().keepsRowHashes()
                && destination.dialect().keepsRowHashes() && longKey(src) && longKey(dst);
    }

    private static boolean longKey(SideTable table) {
        if (table == null || table.key().size() != 1) {
            return false;
        }
        io.parity.schema.Column key = table.key().get(0);
        String type = key.columnType() == null ? "" : key.columnType().toLowerCase(java.util.Locale.ROOT);
        return key.kind() == io.parity.schema.ColumnKind.INTEGER
                && !(type.contains("bigint") && type.contains("unsigned"));
    }

    private io.parity.core.KeyedRowHashes keyed(SideConnection side, SideTable table, KeyRange range, int limit,
                                                     int expectedRows) {
        io.parity.core.KeyedRowHashes keep = new io.parity.core.KeyedRowHashes(limit, expectedRows);
        try (Connection c = side.dataSource().getConnection()) {
            side.dialect().streamedChecksum(c, table, range, hash, keep);
            return keep;
        } catch (SQLException e) {
            throw ConnectionErrors.during("checksum of " + table.ref() + " " + range, side.side(), e);
        }
    }

    /**
     * Runs the source's read on the executor while this thread runs the destination's; with an active fence, one
     * after the other, the destination after it caught up with what the source read showed.
     */
    public <T> Sides<T> onBoth(java.util.function.Supplier<T> src, java.util.function.Supplier<T> dst) {
        if (fence.active()) {
            T s = src.get();
            fence.afterSourceRead();
            return new Sides<>(s, dst.get());
        }
        CompletableFuture<T> s = CompletableFuture.supplyAsync(src, executor);
        T d;
        try {
            d = dst.get();
        } catch (RuntimeException e) {
            s.handle((v, t) -> null).join(); // never leave the source query running behind the failure
            throw e;
        }
        try {
            return new Sides<>(s.join(), d);
        } catch (CompletionException e) {
            throw e.getCause() instanceof ParityException p ? p : e;
        }
    }

    private io.parity.core.RowHashes listing(SideConnection side, SideTable table, KeyRange range, int limit) {
        try (Connection c = side.dataSource().getConnection()) {
            return side.dialect().rowHashes(c, table, range, hash, hashing, limit);
        } catch (SQLException e) {
            throw ConnectionErrors.during("row hashes of " + table.ref() + " " + range, side.side(), e);
        }
    }

    /** Whether both dialects list row hashes with this chunk's hash and hashing place. */
    public boolean listsRowHashes() {
        return source.dialect().supportsRowHashes() && destination.dialect().supportsRowHashes()
                && (hashing == io.parity.core.Hashing.CLIENT
                || (source.dialect().supports(hash) && destination.dialect().supports(hash)));
    }

    private java.util.Map<Integer, ChunkChecksum> bucketed(SideConnection side, SideTable table, KeyRange range,
                                                           java.util.List<io.parity.core.KeyValues> splits) {
        SqlStatement stmt = side.dialect().bucketChecksums(table, range, splits, bucketHash);
        try (Connection c = side.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            side.dialect().bind(ps, stmt.params());
            try (ResultSet rs = ps.executeQuery()) {
                return side.dialect().readBuckets(rs);
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("bucket checksums of " + table.ref() + " " + range, side.side(), e);
        }
    }

    private java.util.Map<Integer, ChunkChecksum> evenBucketed(SideConnection side, SideTable table,
                                                               io.parity.core.EvenBuckets buckets) {
        SqlStatement stmt = side.dialect().evenBucketChecksums(table, buckets, hash);
        try (Connection c = side.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            side.dialect().bind(ps, stmt.params());
            try (ResultSet rs = ps.executeQuery()) {
                java.util.Map<Integer, ChunkChecksum> found = side.dialect().readBuckets(rs);
                for (Integer i : found.keySet()) {
                    if (i < 0 || i >= buckets.count()) {
                        // A key outside the range's arithmetic: never drop its rows silently.
                        throw new IllegalStateException("bucket " + i + " outside 0.." + (buckets.count() - 1)
                                + " for " + table.ref() + " " + buckets.range());
                    }
                }
                return found;
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("bucket checksums of " + table.ref() + " " + buckets.range(), side.side(), e);
        }
    }

    private ChunkChecksum one(SideConnection side, SideTable table, KeyRange range) {
        try (Connection c = side.dataSource().getConnection()) {
            return hashing == io.parity.core.Hashing.CLIENT ? side.dialect().streamedChecksum(c, table, range, hash)
                    : side.dialect().checksum(c, table, range, hash);
        } catch (SQLException e) {
            throw ConnectionErrors.during("checksum of " + table.ref() + " " + range, side.side(), e);
        }
    }
}
