package io.parity.checksum;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.ChecksumPair;
import io.parity.core.ChunkChecksum;
import io.parity.core.EvenBuckets;
import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.KeyedRowHashes;
import io.parity.core.ParityException;
import io.parity.core.RowHashes;
import io.parity.core.Side;
import io.parity.core.Sides;
import io.parity.engine.BucketChecksums;
import io.parity.engine.ChecksumQueries;
import io.parity.engine.EvenBucketChecksums;
import io.parity.engine.PacketHashing;
import io.parity.engine.ServerChecksums;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checksums one key range on both sides at once: the source query runs on the shared executor while the calling
 * thread runs the destination's, so a chunk costs the slower side's time, not the sum. Each query is a single
 * autocommit read: no transaction or lock outlives it. Where the hash is computed follows the {@link ChecksumPlan};
 * how, and which narrowing queries exist, is each engine's business: a capability both engines lack is simply not
 * offered to the reconciler.
 */
public final class ChunkChecksummer {

    private final SideConnection source;
    private final SideConnection destination;
    private final ExecutorService executor;
    private final Fence fence;
    private final ChecksumPlan plan;
    private final HashingPlaces places;
    /** {@link #hashesWholeRows} per table pair. */
    private final Map<Sides<SideTable>, Boolean> wholeRows = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder streamedChunks = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder wholeChunks = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder autoChunks = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder ownChunks = new java.util.concurrent.atomic.LongAdder();

    /** With an active fence the sides are read one after the other, the destination after it caught up. */
    public ChunkChecksummer(SideConnection source, SideConnection destination, ChecksumPlan plan,
                            ExecutorService executor, Fence fence) {
        this.source = source;
        this.destination = destination;
        this.plan = plan;
        this.executor = executor;
        this.fence = fence;
        this.places = new HashingPlaces(plan.hashing() == Hashing.AUTO, inJava(source), inJava(destination),
                plan.distant(Side.SOURCE), plan.distant(Side.DESTINATION));
    }

    private static boolean inJava(SideConnection side) {
        return side.engine().checksums().server().flatMap(ServerChecksums::inJava).isPresent();
    }

    /**
     * Where rows were hashed, for reports: {@code server}, {@code client (Parity's encoding on both sides)}, or
     * {@code auto} with each side's place and the measured times per row (see {@link HashingPlaces#describe}).
     */
    public String describeHashing() {
        return switch (plan.hashing()) {
            case AUTO -> "auto: " + places.describe() + ownShare()
                    + (plan.reason() == null ? "" : "; hash " + plan.reason());
            case SERVER -> "server: every chunk checksum computed by the servers";
            case CLIENT -> "client: both sides' rows hashed in Parity, in its own encoding" + wholeShare();
        };
    }

    /** The share of chunks whose rows were hashed whole, as they arrive ({@link #hashesWholeRows}). */
    private String wholeShare() {
        return share(wholeChunks.sum(), streamedChunks.sum(), "rows hashed whole as they arrive in %d%% of those chunks"
                + " (where both sides' columns arrive alike)");
    }

    /** {@code "; "} and {@code text} with {@code part}'s percentage of {@code all}; empty when either is zero. */
    private static String share(long part, long all, String text) {
        return all == 0 || part == 0 ? "" : "; " + String.format(java.util.Locale.ROOT, text,
                Math.round(100.0 * part / all));
    }

    /** Counts one chunk both sides hash in Parity's own encoding, and whether its rows are hashed whole. */
    private boolean counted(boolean whole) {
        streamedChunks.increment();
        if (whole) {
            wholeChunks.increment();
        }
        return whole;
    }

    /** The share of chunks both sides hashed in Parity, in its own binary encoding (see {@link Placement}). */
    private String ownShare() {
        String own = share(ownChunks.sum(), autoChunks.sum(), "%d%% of chunks hashed in Parity on both sides, in its"
                + " own binary encoding");
        return own.isEmpty() ? "" : own + wholeShare();
    }

    /** Where each side hashed its chunks ({@code hashing: auto}), and why. */
    public HashingPlaces places() {
        return places;
    }

    public Fence fence() {
        return fence;
    }

    public ChecksumPlan plan() {
        return plan;
    }

    /** Both sides' checksums of {@code range}. */
    public ChecksumPair both(SideTable src, SideTable dst, KeyRange range) {
        if (plan.hashing() == Hashing.AUTO) {
            Placement at = nextPlaces(false);
            boolean whole = at.own() && counted(hashesWholeRows(src, dst));
            Sides<ChunkChecksum> sums = onBoth(() -> placed(source, src, range, null, at.source(), at.own(), whole),
                    () -> placed(destination, dst, range, null, at.destination(), at.own(), whole));
            return new ChecksumPair(sums.source(), sums.destination());
        }
        boolean whole = plan.hashing() == Hashing.CLIENT && counted(hashesWholeRows(src, dst));
        Sides<ChunkChecksum> sums = onBoth(() -> one(source, src, range, whole),
                () -> one(destination, dst, range, whole));
        return new ChecksumPair(sums.source(), sums.destination());
    }

    /**
     * Where each side hashes one chunk under {@code hashing: auto}, and whether in Parity's own encoding: when both
     * sides hash the chunk in Java, nothing needs the servers' text encoding, so both read their rows in binary and
     * hash them as {@code hashing: client} does. That spares each server printing every value as text (its dearest
     * work, {@code DOUBLE}s above all) and is cheaper in Parity too. The two sides' checksums of a chunk are always in
     * one encoding; chunks are only ever compared with each other's.
     */
    private record Placement(Hashing source, Hashing destination, boolean own) {
    }

    private Placement nextPlaces(boolean keyed) {
        Hashing s = places.next(Side.SOURCE);
        Hashing d = places.next(Side.DESTINATION);
        boolean own = s == Hashing.CLIENT && d == Hashing.CLIENT && (!keyed || both(ChecksumQueries::keyedStreaming));
        autoChunks.increment();
        if (own) {
            ownChunks.increment();
        }
        return new Placement(s, d, own);
    }

    /**
     * Both sides' row hash listings of {@code range}, with the chunk hash and hashing place of {@link #both}, so their
     * checksums equal what {@link #both} returns (under {@code hashing: auto}, what it returns in the servers'
     * encoding: a chunk both sides hashed in Parity's own encoding sums differently, and is only ever compared with
     * the other side's checksum of the same chunk); at most {@code limit} rows a side when {@code limit > 0}. Only
     * when {@link #listsRowHashes()}.
     */
    public Sides<RowHashes> listings(SideTable src, SideTable dst, KeyRange range, int limit) {
        return onBoth(() -> listing(source, src, range, limit), () -> listing(destination, dst, range, limit));
    }

    /**
     * {@link #listings} kept as keys and hashes (see {@link KeyedRowHashes}) where both engines can and both tables are
     * keyed on one integer column that fits a {@code long}; empty otherwise, and nothing is read.
     *
     * @param expectedRows the rows the range was planned to hold, to size each side's arrays
     */
    public Optional<Sides<KeyedRowHashes>> keyedListings(SideTable src, SideTable dst, KeyRange range, int limit,
                                                         int expectedRows) {
        if (!listsRowHashes() || !longKey(src) || !longKey(dst)
                || !both(q -> q.listings().flatMap(io.parity.engine.RowHashListings::keyed))) {
            return Optional.empty();
        }
        return Optional.of(onBoth(() -> keyedListing(source, src, range, limit, expectedRows),
                () -> keyedListing(destination, dst, range, limit, expectedRows)));
    }

    private KeyedRowHashes keyedListing(SideConnection side, SideTable table, KeyRange range, int limit,
                                        int expectedRows) {
        try (Connection c = side.dataSource().getConnection()) {
            return side.engine().checksums().listings().flatMap(io.parity.engine.RowHashListings::keyed).orElseThrow()
                    .keyedRowHashes(c, table, range, plan.hash(), plan.hashing(), limit, expectedRows);
        } catch (SQLException e) {
            throw ConnectionErrors.during("row hashes of " + table.ref() + " " + range, side.side(), e);
        }
    }

    /** Whether both engines list row hashes with this chunk's hash and hashing place. */
    public boolean listsRowHashes() {
        return both(ChecksumQueries::listings) && (plan.hashing() == Hashing.CLIENT || serversCompute(plan.hash()));
    }

    /** Whether both engines checksum buckets at split keys; only then {@link #buckets} and split keys work. */
    public boolean bucketChecksums() {
        return both(ChecksumQueries::buckets) && serversCompute(plan.bucketHash());
    }

    /** Per-bucket checksums of {@code range} cut at {@code splits}, both sides at once; index = bucket. */
    public List<ChecksumPair> buckets(SideTable src, SideTable dst, KeyRange range, List<KeyValues> splits) {
        Sides<Map<Integer, ChunkChecksum>> b = onBoth(() -> bucketed(source, src, range, splits),
                () -> bucketed(destination, dst, range, splits));
        return pairs(b, splits.size() + 1);
    }

    /**
     * Per-bucket checksums of {@code buckets}' range, the buckets computed from the key by the servers: one scan per
     * side, index = bucket. Their sum is the range's checksum, so this can replace {@link #both} for a range that is
     * likely to differ. Only when {@link #evenBucketsFirst()}.
     */
    public List<ChecksumPair> evenBuckets(SideTable src, SideTable dst, EvenBuckets buckets) {
        Sides<Map<Integer, ChunkChecksum>> b = onBoth(() -> evenBucketed(source, src, buckets),
                () -> evenBucketed(destination, dst, buckets));
        return pairs(b, buckets.count());
    }

    /** Whether {@link #evenBuckets} can stand in for {@link #both}: server hashing, and both engines have them. */
    public boolean evenBucketsFirst() {
        return plan.hashing() != Hashing.CLIENT && plan.bucketHash() == plan.hash() && both(ChecksumQueries::evenBuckets);
    }

    /**
     * Both sides' streamed checksums of {@code range} ({@code hashing: client}), each side also keeping its rows' keys
     * and hashes (see {@link KeyedRowHashes}), up to {@code limit} rows a side. Only when {@link #keepsRowHashes}.
     */
    public Sides<KeyedRowHashes> keyedChecksums(SideTable src, SideTable dst, KeyRange range, int limit,
                                               int expectedRows) {
        if (plan.hashing() == Hashing.AUTO) {
            Placement at = nextPlaces(true);
            boolean whole = at.own() && counted(hashesWholeRows(src, dst));
            return onBoth(() -> placedKeeping(source, src, range, limit, expectedRows, at.source(), at.own(), whole),
                    () -> placedKeeping(destination, dst, range, limit, expectedRows, at.destination(), at.own(),
                            whole));
        }
        boolean whole = counted(hashesWholeRows(src, dst));
        return onBoth(() -> keyed(source, src, range, limit, expectedRows, whole),
                () -> keyed(destination, dst, range, limit, expectedRows, whole));
    }

    /**
     * Both sides' rows of {@code range} hashed in Parity in its own encoding and kept, whatever {@link #places} says
     * ({@code hashing: auto}): a chunk a side hashed on its server keeps no rows, and when it differs, one more pass
     * in Parity makes it its own listing, where narrowing it by per-bucket checksums costs the servers a query per
     * bucket at every level (measured at 1e-2 drift: the server probes of {@code auto} made the run 1.09× as long as
     * {@code hashing: client}). Empty unless {@code auto} and both engines keep rows while streaming.
     */
    public Optional<Sides<KeyedRowHashes>> keyedInParity(SideTable src, SideTable dst, KeyRange range, int limit,
                                                        int expectedRows) {
        if (plan.hashing() != Hashing.AUTO || !both(ChecksumQueries::keyedStreaming)) {
            return Optional.empty();
        }
        boolean whole = hashesWholeRows(src, dst);
        return Optional.of(onBoth(
                () -> placedKeeping(source, src, range, limit, expectedRows, Hashing.CLIENT, true, whole),
                () -> placedKeeping(destination, dst, range, limit, expectedRows, Hashing.CLIENT, true, whole)));
    }

    /**
     * Whether {@link #keyedChecksums} can keep rows for this table: client hashing, both engines keep keys while
     * streaming, one integer key column, not {@code BIGINT UNSIGNED} (whose keys Parity reads as {@code BigInteger}
     * everywhere else, so kept {@code long} keys would not compare equal to them).
     */
    public boolean keepsRowHashes(SideTable src, SideTable dst) {
        boolean streams = plan.hashing() == Hashing.CLIENT ? both(ChecksumQueries::keyedStreaming)
                : plan.hashing() == Hashing.AUTO && places.prefersJava(Side.SOURCE)
                && places.prefersJava(Side.DESTINATION);
        return streams && longKey(src) && longKey(dst);
    }

    private static boolean longKey(SideTable table) {
        if (table == null || !table.singleIntegerKey()) {
            return false;
        }
        String type = table.key().get(0).columnType() == null ? ""
                : table.key().get(0).columnType().toLowerCase(java.util.Locale.ROOT);
        return !(type.contains("bigint") && type.contains("unsigned"));
    }

    /**
     * Whether both sides' streamed rows of this table pair arrive alike ({@link PacketHashing#signature}), so chunks
     * that both hash in Parity's own encoding are hashed whole, row by row as the wire carries them, instead of value
     * by value: the same verdict for a fraction of the CPU. Asked of both servers once per table pair; a chunk is
     * always hashed the same way on both sides.
     */
    public boolean hashesWholeRows(SideTable src, SideTable dst) {
        if (src == null || dst == null || !both(ChecksumQueries::packetHashing)) {
            return false;
        }
        Sides<SideTable> pair = new Sides<>(src, dst);
        Boolean known = wholeRows.get(pair);
        if (known == null) {
            // asked outside the map's lock, one side after the other (a prepare each, once per table pair, and no
            // fence wait: nothing is read); a pair asked twice at once gets the first answer
            Optional<String> s = signature(source, src);
            wholeRows.putIfAbsent(pair, s.isPresent() && s.equals(signature(destination, dst)));
            known = wholeRows.get(pair);
        }
        return known;
    }

    private static Optional<String> signature(SideConnection side, SideTable table) {
        try (Connection c = side.dataSource().getConnection()) {
            return side.engine().checksums().packetHashing().orElseThrow().signature(c, table);
        } catch (SQLException e) {
            throw ConnectionErrors.during("the streamed columns of " + table.ref(), side.side(), e);
        }
    }

    private boolean both(Function<ChecksumQueries, Optional<?>> capability) {
        return capability.apply(source.engine().checksums()).isPresent()
                && capability.apply(destination.engine().checksums()).isPresent();
    }

    private boolean serversCompute(HashAlgorithm hash) {
        return source.engine().checksums().server().map(s -> s.hashes().contains(hash)).orElse(false)
                && destination.engine().checksums().server().map(s -> s.hashes().contains(hash)).orElse(false);
    }

    /**
     * Runs the source's read on the executor while this thread runs the destination's; with an active fence, one
     * after the other, the destination after it caught up with what the source read showed.
     */
    public <T> Sides<T> onBoth(Supplier<T> src, Supplier<T> dst) {
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

    private ChunkChecksum one(SideConnection side, SideTable table, KeyRange range, boolean whole) {
        ChecksumQueries checksums = side.engine().checksums();
        try (Connection c = side.dataSource().getConnection()) {
            if (whole) {
                return checksums.packetHashing().orElseThrow().packetChecksum(c, table, range, plan.hash(), null);
            }
            return plan.hashing() == Hashing.CLIENT ? checksums.streamedChecksum(c, table, range, plan.hash())
                    : checksums.server().orElseThrow().checksum(c, table, range, plan.hash());
        } catch (SQLException e) {
            throw ConnectionErrors.during("checksum of " + table.ref() + " " + range, side.side(), e);
        }
    }

    private KeyedRowHashes keyed(SideConnection side, SideTable table, KeyRange range, int limit, int expectedRows,
                                 boolean whole) {
        KeyedRowHashes keep = new KeyedRowHashes(limit, expectedRows);
        try (Connection c = side.dataSource().getConnection()) {
            if (whole) {
                side.engine().checksums().packetHashing().orElseThrow()
                        .packetChecksum(c, table, range, plan.hash(), keep);
                return keep;
            }
            side.engine().checksums().keyedStreaming().orElseThrow()
                    .streamedChecksum(c, table, range, plan.hash(), keep);
            return keep;
        } catch (SQLException e) {
            throw ConnectionErrors.during("checksum of " + table.ref() + " " + range, side.side(), e);
        }
    }

    /**
     * The server's checksum of {@code range} ({@code hashing: auto}) computed where {@link #places} says for this
     * side, timed for the next choice. With {@code keep}, rows hashed in Java are kept too; a checksum the server
     * computed leaves {@code keep} incomplete, so a differing chunk is reconciled by queries.
     */
    private KeyedRowHashes placedKeeping(SideConnection side, SideTable table, KeyRange range, int limit,
                                         int expectedRows, Hashing place, boolean own, boolean whole) {
        KeyedRowHashes keep = new KeyedRowHashes(limit, expectedRows);
        placed(side, table, range, keep, place, own, whole);
        return keep;
    }

    private ChunkChecksum placed(SideConnection side, SideTable table, KeyRange range, KeyedRowHashes keep,
                                 Hashing place, boolean own, boolean whole) {
        ChecksumQueries checksums = side.engine().checksums();
        ServerChecksums server = checksums.server().orElseThrow();
        long start;
        ChunkChecksum sum;
        try (Connection c = side.dataSource().getConnection()) {
            start = System.nanoTime(); // a wait for a pooled connection is not the place's cost
            if (own && whole) {
                sum = checksums.packetHashing().orElseThrow().packetChecksum(c, table, range, plan.hash(), keep);
            } else if (own) {
                sum = keep == null ? checksums.streamedChecksum(c, table, range, plan.hash())
                        : checksums.keyedStreaming().orElseThrow().streamedChecksum(c, table, range, plan.hash(), keep);
            } else if (place == Hashing.CLIENT) {
                sum = server.inJava().orElseThrow().checksum(c, table, range, plan.hash(), keep);
            } else {
                sum = server.checksum(c, table, range, plan.hash());
                if (keep != null) {
                    keep.giveUp();
                    keep.finish(sum);
                }
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("checksum of " + table.ref() + " " + range, side.side(), e);
        }
        places.observe(side.side(), place, sum.rows(), System.nanoTime() - start);
        return sum;
    }

    private RowHashes listing(SideConnection side, SideTable table, KeyRange range, int limit) {
        try (Connection c = side.dataSource().getConnection()) {
            return side.engine().checksums().listings().orElseThrow()
                    .rowHashes(c, table, range, plan.hash(), plan.hashing(), limit);
        } catch (SQLException e) {
            throw ConnectionErrors.during("row hashes of " + table.ref() + " " + range, side.side(), e);
        }
    }

    private Map<Integer, ChunkChecksum> bucketed(SideConnection side, SideTable table, KeyRange range,
                                                 List<KeyValues> splits) {
        BucketChecksums buckets = side.engine().checksums().buckets().orElseThrow();
        SqlStatement stmt = buckets.bucketChecksums(table, range, splits, plan.bucketHash());
        try (Connection c = side.dataSource().getConnection(); PreparedStatement ps = stmt.prepare(c);
             ResultSet rs = ps.executeQuery()) {
            return buckets.readBuckets(rs);
        } catch (SQLException e) {
            throw ConnectionErrors.during("bucket checksums of " + table.ref() + " " + range, side.side(), e);
        }
    }

    private Map<Integer, ChunkChecksum> evenBucketed(SideConnection side, SideTable table, EvenBuckets buckets) {
        EvenBucketChecksums even = side.engine().checksums().evenBuckets().orElseThrow();
        SqlStatement stmt = even.evenBucketChecksums(table, buckets, plan.hash());
        try (Connection c = side.dataSource().getConnection(); PreparedStatement ps = stmt.prepare(c);
             ResultSet rs = ps.executeQuery()) {
            Map<Integer, ChunkChecksum> found = even.readBuckets(rs);
            for (Integer i : found.keySet()) {
                if (i < 0 || i >= buckets.count()) {
                    // A key outside the range's arithmetic: never drop its rows silently.
                    throw new IllegalStateException("bucket " + i + " outside 0.." + (buckets.count() - 1)
                            + " for " + table.ref() + " " + buckets.range());
                }
            }
            return found;
        } catch (SQLException e) {
            throw ConnectionErrors.during("bucket checksums of " + table.ref() + " " + buckets.range(), side.side(), e);
        }
    }

    private static List<ChecksumPair> pairs(Sides<Map<Integer, ChunkChecksum>> buckets, int count) {
        List<ChecksumPair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pairs.add(new ChecksumPair(buckets.source().getOrDefault(i, ChunkChecksum.EMPTY),
                    buckets.destination().getOrDefault(i, ChunkChecksum.EMPTY)));
        }
        return pairs;
    }
}
