package io.parity.reconcile;

import io.parity.checksum.ChunkChecksummer;
import io.parity.chunk.ChunkWalker;
import io.parity.connect.SideConnection;
import io.parity.core.ChecksumPair;
import io.parity.core.DiffKind;
import io.parity.core.HashedRow;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.KeyedRowHashes;
import io.parity.core.RowDiff;
import io.parity.core.RowHashes;
import io.parity.core.RowImage;
import io.parity.core.Sides;
import io.parity.schema.TablePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Narrows a mismatching key range down to rows, in one of two ways chosen by how dense the differences are expected
 * to be (see {@code DriftMemory}). Small ranges ({@code rowLimit} rows or fewer) are simply read from both sides and
 * merged.
 * <ul>
 *   <li><b>Sparse</b> (a few differing rows): the range is cut into {@value #FANOUT} buckets at keys of the fuller
 *   side (one index scan) and checksummed per bucket in one query per side; only differing buckets are descended
 *   into. A 10,000-row chunk with one difference costs about 0.6 of a checksum scan.</li>
 *   <li><b>Dense</b>, where both dialects list row hashes: one key-ordered scan per side returns each row's key and
 *   64-bit hash; merging the two listings names missing and extra keys at once, and only rows whose hashes differ
 *   are read in full to name their changed columns. It costs about 1.4 scans whatever the number of differences,
 *   where buckets would descend into most buckets. Ranges above {@value #LIST_LIMIT} rows are first cut into
 *   buckets just small enough to list.</li>
 * </ul>
 * With {@code reconcile: buckets}, or dialects without listings, bucket narrowing is used throughout. Where a
 * dialect has listings but no bucket checksums (PostgreSQL), sparse ranges are listed as dense ones are.
 */
public final class ChunkReconciler {

    /** Below this many rows reading both sides is cheaper than another round of checksums. */
    public static final int DEFAULT_ROW_LIMIT = 1000;

    /** Buckets per split: enough that a bucket of a default chunk is small enough to read as rows. */
    public static final int FANOUT = 16;

    /**
     * The most rows a side lists at once: a listing is held in memory (about 150 bytes a row), so two partitions
     * listing both sides stay within a few MiB.
     */
    public static final int LIST_LIMIT = 20_000;

    /**
     * The most rows a side keeps keys and hashes of while client-hashing a chunk (24 bytes a row): a differing chunk
     * up to this size is reconciled from what was kept, without another scan. Only rows that do not match become
     * objects ({@link KeyedRowHashes#differing}), so this can be four times the client chunk size, the most an
     * arithmetic cut may hold (two partitions, both sides: under 8 MiB).
     */
    public static final int KEEP_LIMIT = 80_000;

    /**
     * The most bytes of row values a side holds from one read of rows (both sides and every partition each hold as
     * much at once): a range or key batch whose rows pass it is read in smaller pieces, so wide rows fit a bounded
     * heap. The benchmark's rows are about 150 bytes, 1,000 of them far below it.
     */
    static final long READ_BYTES = 8L << 20;

    /** The most rows (the larger side's) of buckets read together in one query a side (see {@link #descendAll}). */
    static final int BATCH_ROWS = 4 * DEFAULT_ROW_LIMIT;

    /** Keys per read of changed rows. */
    static final int KEYS_PER_READ = 500;

    /** Above this share of changed rows, reading the whole range beats reading them by key. */
    static final double READ_ALL_SHARE = 0.25;

    private final TablePlan plan;
    private final SideConnection source;
    private final SideConnection destination;
    private final ChunkChecksummer checksummer;
    private final ExecutorService executor;
    private final int rowLimit;
    private final RowMerger merger;
    private final KeyOrder order;
    private final boolean listing;

    public ChunkReconciler(TablePlan plan, SideConnection source, SideConnection destination,
                           ChunkChecksummer checksummer, ExecutorService executor, int rowLimit) {
        this(plan, source, destination, checksummer, executor, rowLimit, true);
    }

    /** @param listing whether mismatching ranges may be reconciled from row hash listings (where dialects have them) */
    public ChunkReconciler(TablePlan plan, SideConnection source, SideConnection destination,
                           ChunkChecksummer checksummer, ExecutorService executor, int rowLimit, boolean listing) {
        this.plan = plan;
        this.source = source;
        this.destination = destination;
        this.checksummer = checksummer;
        this.executor = executor;
        this.rowLimit = rowLimit;
        this.order = KeyOrder.of(plan);
        this.merger = new RowMerger(plan.id(), order, plan.source().columnNames());
        this.listing = listing && checksummer.listsRowHashes();
    }

    /** Whether ranges of up to {@value #LIST_LIMIT} rows are reconciled from row hash listings. */
    public boolean lists() {
        return listing;
    }

    /** Row differences in {@code range}, whose checksums {@code pair} disagree, expected to be sparse. */
    public List<RowDiff> reconcile(KeyRange range, ChecksumPair pair) {
        return reconcile(range, pair, false);
    }

    /**
     * Row differences in {@code range}, whose checksums {@code pair} disagree. {@code dense}: many differing rows are
     * expected (recent chunks had them), so the range is listed rather than cut into buckets.
     */
    public List<RowDiff> reconcile(KeyRange range, ChecksumPair pair, boolean dense) {
        List<RowDiff> diffs = new ArrayList<>();
        descend(range, pair, dense, diffs);
        return diffs;
    }

    /**
     * Row differences of {@code buckets}' range from its per-bucket checksums {@code pairs} (see
     * {@link ChunkChecksummer#evenBuckets}): only differing buckets are narrowed further, as sparse differences.
     */
    public List<RowDiff> reconcile(io.parity.core.EvenBuckets buckets, List<ChecksumPair> pairs) {
        List<RowDiff> diffs = new ArrayList<>();
        List<KeyRange> ranges = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            ranges.add(buckets.bucket(i));
        }
        descendAll(ranges, pairs, false, diffs);
        return diffs;
    }

    /**
     * The differing ones of adjacent buckets {@code ranges}, whose checksums are {@code pairs}, in key order. With a
     * key of one column, consecutive differing buckets small enough to read as rows are read together, up to
     * {@value #BATCH_ROWS} rows a side in one query ({@code (k > ? AND k <= ?) OR ...}): one round trip a side instead
     * of one per bucket, which a distant side pays in full (at 2e-4 drift about four buckets of every chunk differ).
     * Buckets whose rows pass the read's byte budget together are read one by one, as before.
     */
    private void descendAll(List<KeyRange> ranges, List<ChecksumPair> pairs, boolean dense, List<RowDiff> out) {
        boolean batches = plan.source().key().size() == 1 && plan.destination().key().size() == 1;
        List<KeyRange> batch = new ArrayList<>();
        List<ChecksumPair> batchPairs = new ArrayList<>();
        long batchRows = 0;
        for (int i = 0; i < ranges.size(); i++) {
            ChecksumPair pair = pairs.get(i);
            if (pair.matches()) {
                continue;
            }
            if (batches && pair.maxRows() <= rowLimit) {
                if (batchRows + pair.maxRows() > BATCH_ROWS) {
                    readTogether(batch, batchPairs, dense, out);
                    batchRows = 0;
                }
                batch.add(ranges.get(i));
                batchPairs.add(pair);
                batchRows += pair.maxRows();
            } else {
                readTogether(batch, batchPairs, dense, out);
                batchRows = 0;
                descend(ranges.get(i), pair, dense, out);
            }
        }
        readTogether(batch, batchPairs, dense, out);
    }

    /** Reads and merges the rows of {@code batch} at once (see {@link #descendAll}), then empties it. */
    private void readTogether(List<KeyRange> batch, List<ChecksumPair> pairs, boolean dense, List<RowDiff> out) {
        List<RowDiff> merged = batch.size() > 1 ? mergeRowsWithin(batch) : null;
        if (merged != null) {
            out.addAll(merged);
        } else {
            for (int i = 0; i < batch.size(); i++) {
                descend(batch.get(i), pairs.get(i), dense, out);
            }
        }
        batch.clear();
        pairs.clear();
    }

    private void descend(KeyRange range, ChecksumPair pair, boolean dense, List<RowDiff> out) {
        if (pair.matches()) {
            return;
        }
        if (pair.maxRows() <= rowLimit) {
            List<RowDiff> merged = pair.maxRows() > 1 && checksummer.bucketChecksums() ? mergeRowsWithin(range) : null;
            if (merged != null) {
                out.addAll(merged);
                return;
            }
            if (pair.maxRows() <= 1 || !checksummer.bucketChecksums()) {
                out.addAll(mergeRows(range));
                return;
            }
            // too wide to read at once: narrowed by buckets like a large range, down to single rows
            descendByBuckets(range, pair, dense, out);
            return;
        }
        // Without bucket checksums (PostgreSQL on either side) a sparse range is listed too: reading its rows whole
        // costs each row's values as objects in Parity (a 20,000-row chunk on both sides and partitions: 100 MB
        // live, the heap collecting for a third of the run), where a listing is a key and a hash a row.
        if (listing && (dense || !checksummer.bucketChecksums()) && pair.maxRows() <= LIST_LIMIT) {
            out.addAll(fromListings(range, checksummer.listings(plan.source(), plan.destination(), range, 0)));
            return;
        }
        if (!checksummer.bucketChecksums()) {
            out.addAll(mergeRows(range));
            return;
        }
        descendByBuckets(range, pair, dense, out);
    }

    private void descendByBuckets(KeyRange range, ChecksumPair pair, boolean dense, List<RowDiff> out) {
        List<KeyValues> splits = splits(range, pair, dense);
        if (splits.isEmpty()) {
            out.addAll(mergeRows(range));
            return;
        }
        List<ChecksumPair> buckets = checksummer.buckets(plan.source(), plan.destination(), range, splits);
        List<KeyRange> ranges = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            ranges.add(new KeyRange(i == 0 ? range.lower() : splits.get(i - 1),
                    i == splits.size() ? range.upper() : splits.get(i)));
        }
        descendAll(ranges, buckets, dense, out);
    }

    /** Keys of the fuller side that cut the range into {@value #FANOUT} buckets; never the range's own upper bound. */
    private List<KeyValues> splits(KeyRange range, ChecksumPair pair, boolean dense) {
        boolean sourceFuller = pair.source().rows() >= pair.destination().rows();
        SideConnection side = sourceFuller ? source : destination;
        long rows = pair.maxRows();
        // Dense, with listings: buckets only need to get under the listing limit, however large the chunk.
        long buckets = listing && dense ? Math.min(512, Math.max(FANOUT, (rows + LIST_LIMIT / 2 - 1) / (LIST_LIMIT / 2))) : FANOUT;
        long every = Math.max(1, (rows + buckets - 1) / buckets);
        List<KeyValues> keys = new ChunkWalker(side).keys(side.engine().checksums().buckets().orElseThrow().splitKeys(
                sourceFuller ? plan.source() : plan.destination(), range, every),
                sourceFuller ? plan.source() : plan.destination());
        return keys.stream().filter(k -> !k.equals(range.upper())).toList();
    }

    /**
     * Row differences of {@code range} from both sides' listings of it: keys on one side only are missing or extra;
     * keys whose row hashes differ are read in full from both sides (by key, or the whole range when many differ) and
     * merged, which names the changed columns and drops rows that are equal by now. Differences come in key order.
     */
    public List<RowDiff> fromListings(KeyRange range, Sides<RowHashes> listings) {
        List<HashedRow> s = listings.source().rows();
        List<HashedRow> d = listings.destination().rows();
        List<RowDiff> found = new ArrayList<>();
        List<KeyValues> changed = new ArrayList<>();
        java.util.Set<RowDiff> pending = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int i = 0;
        int j = 0;
        while (i < s.size() || j < d.size()) {
            int c = i == s.size() ? 1 : j == d.size() ? -1 : order.compare(s.get(i).key(), d.get(j).key());
            if (c < 0) {
                found.add(new RowDiff(plan.id(), s.get(i++).key().key(), DiffKind.MISSING, List.of()));
            } else if (c > 0) {
                found.add(new RowDiff(plan.id(), d.get(j++).key().key(), DiffKind.EXTRA, List.of()));
            } else {
                if (!s.get(i).sameHash(d.get(j))) {
                    KeyValues key = s.get(i).key().key();
                    changed.add(key);
                    RowDiff placeholder = new RowDiff(plan.id(), key, DiffKind.CHANGED, List.of());
                    pending.add(placeholder);
                    found.add(placeholder);
                }
                i++;
                j++;
            }
        }
        if (changed.isEmpty()) {
            return found;
        }
        if (changed.size() > READ_ALL_SHARE * Math.max(rows(listings.source()), rows(listings.destination()))) {
            List<RowDiff> all = mergeRowsWithin(range);
            if (all != null) {
                return all;
            }
        }
        java.util.Map<KeyValues, List<RowDiff>> read = new java.util.HashMap<>();
        for (int from = 0; from < changed.size(); from += KEYS_PER_READ) {
            readChanged(changed.subList(from, Math.min(changed.size(), from + KEYS_PER_READ)), read);
        }
        List<RowDiff> diffs = new ArrayList<>(found.size());
        for (RowDiff diff : found) {
            if (!pending.contains(diff)) {
                diffs.add(diff);
            } else {
                List<RowDiff> now = read.remove(diff.key());
                if (now != null) {
                    diffs.addAll(now); // absent: the row is equal on both sides by now
                }
            }
        }
        read.values().forEach(diffs::addAll); // keys that changed spelling under a collation, or vanished
        return diffs;
    }

    /**
     * How many rows the listed range holds on one side: its checksum's count, which also covers the equal rows a
     * listing reduced by {@link KeyedRowHashes#differing} leaves out.
     */
    private static long rows(RowHashes listing) {
        return listing.checksum() == null ? listing.rows().size() : Math.max(listing.rows().size(),
                listing.checksum().rows());
    }

    /** Reads the changed rows with these keys on both sides, halving the batch while its rows are too wide. */
    private void readChanged(List<KeyValues> keys, java.util.Map<KeyValues, List<RowDiff>> read) {
        long budget = keys.size() > 1 ? READ_BYTES : RowFetcher.UNBOUNDED;
        Sides<List<RowImage>> rows;
        try {
            rows = checksummer.onBoth(() -> RowFetcher.fetch(source, plan.source(), keys, budget),
                    () -> RowFetcher.fetch(destination, plan.destination(), keys, budget));
        } catch (RuntimeException e) {
            if (!tooWide(e)) {
                throw e;
            }
            int half = keys.size() / 2;
            readChanged(keys.subList(0, half), read);
            readChanged(keys.subList(half, keys.size()), read);
            return;
        }
        for (RowDiff diff : merger.merge(rows.source(), rows.destination())) {
            read.computeIfAbsent(diff.key(), k -> new ArrayList<>()).add(diff);
        }
    }

    private List<RowDiff> mergeRows(KeyRange range) {
        Sides<List<RowImage>> rows = checksummer.onBoth(
                () -> RowFetcher.fetch(source, plan.source(), range),
                () -> RowFetcher.fetch(destination, plan.destination(), range));
        return merger.merge(rows.source(), rows.destination());
    }

    /** The merged rows of several disjoint ranges read at once, or null when their rows pass {@link #READ_BYTES} on a side. */
    private List<RowDiff> mergeRowsWithin(List<KeyRange> ranges) {
        try {
            Sides<List<RowImage>> rows = checksummer.onBoth(
                    () -> RowFetcher.fetchRanges(source, plan.source(), ranges, READ_BYTES),
                    () -> RowFetcher.fetchRanges(destination, plan.destination(), ranges, READ_BYTES));
            return merger.merge(rows.source(), rows.destination());
        } catch (RuntimeException e) {
            if (tooWide(e)) {
                return null;
            }
            throw e;
        }
    }

    /** The merged rows of {@code range}, or null when its rows pass {@link #READ_BYTES} on a side. */
    private List<RowDiff> mergeRowsWithin(KeyRange range) {
        return mergeRowsWithin(List.of(range));
    }

    private static boolean tooWide(Throwable e) {
        return e instanceof RowFetcher.TooWide || e.getCause() instanceof RowFetcher.TooWide;
    }
}
