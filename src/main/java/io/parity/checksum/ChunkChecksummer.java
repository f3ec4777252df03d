package io.parity.checksum;

import io.parity.chunk.KeyRange;
import io.parity.config.HashAlgorithm;
import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.error.ParityException;
import io.parity.schema.SideTable;

import io.parity.dialect.SqlStatement;
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
    private final io.parity.config.Hashing hashing;
    private final HashAlgorithm bucketHash;

    public ChunkChecksummer(SideConnection source, SideConnection destination, HashAlgorithm hash,
                            ExecutorService executor) {
        this(source, destination, hash, executor, Fence.none());
    }

    /** With an active fence the sides are read one after the other, the destination after it caught up. */
    public ChunkChecksummer(SideConnection source, SideConnection destination, HashAlgorithm hash,
                            ExecutorService executor, Fence fence) {
        this(source, destination, hash, executor, fence, io.parity.config.Hashing.SERVER, hash);
    }

    /**
     * @param hashing    where chunk checksums are computed (see {@link io.parity.config.Hashing})
     * @param bucketHash the hash of the pushed-down bucket checksums that narrow a mismatching chunk; with client
     *                   hashing the chunk's hash may be one the server lacks, and the buckets only compare with each
     *                   other, so the servers' own hash serves
     */
    public ChunkChecksummer(SideConnection source, SideConnection destination, HashAlgorithm hash,
                            ExecutorService executor, Fence fence, io.parity.config.Hashing hashing,
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
        if (fence.active()) {
            ChunkChecksum s = one(source, src, range);
            fence.afterSourceRead();
            return new ChecksumPair(s, one(destination, dst, range));
        }
        CompletableFuture<ChunkChecksum> s = CompletableFuture.supplyAsync(() -> one(source, src, range), executor);
        ChunkChecksum d;
        try {
            d = one(destination, dst, range);
        } catch (RuntimeException e) {
            s.handle((v, t) -> null).join(); // never leave the source query running behind the failure
            throw e;
        }
        try {
            return new ChecksumPair(s.join(), d);
        } catch (CompletionException e) {
            throw e.getCause() instanceof ParityException p ? p : e;
        }
    }

    /** Per-bucket checksums of {@code range} cut at {@code splits}, both sides at once; index = bucket. */
    public java.util.List<ChecksumPair> buckets(SideTable src, SideTable dst, KeyRange range,
                                                java.util.List<io.parity.chunk.KeyValues> splits) {
        if (fence.active()) {
            java.util.Map<Integer, ChunkChecksum> sv = bucketed(source, src, range, splits);
            fence.afterSourceRead();
            java.util.Map<Integer, ChunkChecksum> dv = bucketed(destination, dst, range, splits);
            java.util.List<ChecksumPair> pairs = new java.util.ArrayList<>();
            for (int i = 0; i <= splits.size(); i++) {
                pairs.add(new ChecksumPair(sv.getOrDefault(i, ChunkChecksum.EMPTY), dv.getOrDefault(i, ChunkChecksum.EMPTY)));
            }
            return pairs;
        }
        CompletableFuture<java.util.Map<Integer, ChunkChecksum>> s = CompletableFuture.supplyAsync(
                () -> bucketed(source, src, range, splits), executor);
        java.util.Map<Integer, ChunkChecksum> d;
        try {
            d = bucketed(destination, dst, range, splits);
        } catch (RuntimeException e) {
            s.handle((v, t) -> null).join();
            throw e;
        }
        java.util.Map<Integer, ChunkChecksum> sv;
        try {
            sv = s.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ParityException p ? p : e;
        }
        java.util.List<ChecksumPair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i <= splits.size(); i++) {
            pairs.add(new ChecksumPair(sv.getOrDefault(i, ChunkChecksum.EMPTY), d.getOrDefault(i, ChunkChecksum.EMPTY)));
        }
        return pairs;
    }

    private java.util.Map<Integer, ChunkChecksum> bucketed(SideConnection side, SideTable table, KeyRange range,
                                                           java.util.List<io.parity.chunk.KeyValues> splits) {
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

    private ChunkChecksum one(SideConnection side, SideTable table, KeyRange range) {
        try (Connection c = side.dataSource().getConnection()) {
            return hashing == io.parity.config.Hashing.CLIENT ? side.dialect().streamedChecksum(c, table, range, hash)
                    : side.dialect().checksum(c, table, range, hash);
        } catch (SQLException e) {
            throw ConnectionErrors.during("checksum of " + table.ref() + " " + range, side.side(), e);
        }
    }
}
