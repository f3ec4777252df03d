package io.parity.chunk;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.Chunk;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.engine.RowEstimates;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Keyset walk over the source's key index: the next chunk ends at the key {@code chunkRows - 1} rows after the
 * previous end, found with one index-only query ({@code SELECT k FROM t WHERE k > ? ORDER BY k LIMIT ?, 1}). Chunks
 * therefore hold about {@code chunkRows} rows however uneven the key values are (sparse integers, UUIDs, binary keys),
 * which an arithmetic split of {@code [min, max]} cannot promise.
 *
 * <p>The walk ignores the table's {@code where:} filter on purpose: boundaries then follow the index alone and never
 * need a filtered scan; chunks hold at most {@code chunkRows} rows that pass the filter.
 */
public final class ChunkWalker {

    private final SideConnection source;

    public ChunkWalker(SideConnection source) {
        this.source = source;
    }

    /** The key {@code offset} rows into {@code range} (0 = first), or empty when the range has fewer rows. */
    public Optional<KeyValues> keyAt(SideTable table, KeyRange range, long offset, boolean filtered) {
        SqlStatement stmt = source.engine().chunks().keyAt(table, range, offset, filtered);
        try (Connection c = source.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(source.engine().chunks().readKey(rs, table)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("finding chunk boundaries of " + table.ref(), source.side(), e);
        }
    }

    /** Runs a query that returns keys and reads them in order. */
    public List<KeyValues> keys(SqlStatement stmt, SideTable table) {
        try (Connection c = source.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            java.util.List<KeyValues> keys = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(source.engine().chunks().readKey(rs, table));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw ConnectionErrors.during("splitting a range of " + table.ref(), source.side(), e);
        }
    }

    /**
     * The chunk after {@code previous} within the segment {@code (segment.lower, segment.upper]}; the last chunk of a
     * segment ends at the segment's upper bound.
     */
    public Chunk next(String tableId, SideTable table, int segmentNo, KeyRange segment, Chunk previous, int chunkRows) {
        return next(tableId, table, segmentNo, segment, previous, chunkRows, null);
    }

    /**
     * {@link #next(String, SideTable, int, KeyRange, Chunk, int)}, cut arithmetically by {@code spans} when they know
     * the segment's key density and the source's optimizer agrees the cut holds at most {@link KeySpans#TOLERANCE}
     * times {@code chunkRows}; otherwise (and always with {@code spans == null}) by walking the index.
     */
    public Chunk next(String tableId, SideTable table, int segmentNo, KeyRange segment, Chunk previous, int chunkRows,
                      KeySpans spans) {
        KeyValues lower = previous == null ? segment.lower() : previous.range().upper();
        int ordinal = previous == null ? 0 : previous.ordinal() + 1;
        Optional<KeyRange> cut = spans == null ? Optional.empty() : cut(table, segment, lower, chunkRows, spans);
        if (cut.isPresent()) {
            return new Chunk(tableId, segmentNo, ordinal, cut.get());
        }
        Optional<KeyValues> end = keyAt(table, new KeyRange(lower, segment.upper()), chunkRows - 1L, false);
        KeyValues upper = end.orElse(segment.upper());
        return new Chunk(tableId, segmentNo, ordinal, new KeyRange(lower, upper));
    }

    /** The arithmetic cut after {@code lower}, clamped to the segment, if the row estimate confirms it. */
    private Optional<KeyRange> cut(SideTable table, KeyRange segment, KeyValues lower, int chunkRows, KeySpans spans) {
        if (lower == null || lower.size() != 1 || !(lower.get(0) instanceof Long lo)) {
            return Optional.empty();
        }
        java.util.OptionalLong end = spans.upper(lo, chunkRows);
        if (end.isEmpty()) {
            return Optional.empty();
        }
        KeyValues upper = KeyValues.of(end.getAsLong());
        if (segment.upper() != null) {
            if (!(segment.upper().get(0) instanceof Long last)) {
                return Optional.empty();
            }
            if (end.getAsLong() >= last) {
                upper = segment.upper();
            }
        } else {
            Optional<Long> max = sourceMax(table);
            if (max.isEmpty() || end.getAsLong() >= max.get()) {
                upper = null; // past the source's last key: the segment's open end takes what is left on both sides
            }
        }
        KeyRange range = new KeyRange(lower, upper);
        long estimate = estimate(table, range);
        return estimate >= 0 && estimate <= KeySpans.TOLERANCE * chunkRows ? Optional.of(range) : Optional.empty();
    }

    /**
     * Keys that cut a table keyed on one integer column into {@code parts} segments of equal key span between the
     * source's smallest and largest key, instead of walking the index to each boundary (which reads every row before
     * the last boundary, serially, before any chunk starts). The cut is kept only when the optimizer estimates every
     * segment to hold between a third and three times its share of rows; otherwise (gappy or clustered keys) it is
     * empty and the caller walks the index. InnoDB's estimates are too rough (twice the rows on some ranges, capped
     * at half the table) to place boundaries by, but they do tell an even key spread from a lopsided one.
     */
    public Optional<List<KeyValues>> estimatedSplits(SideTable table, int parts) {
        if (source.engine().chunks().estimates().isEmpty() || table.key().size() != 1 || parts < 2) {
            return Optional.empty();
        }
        Optional<Long> max = sourceMax(table);
        Optional<Long> min = sourceEnd(table, estimates().minKey(table));
        if (max.isEmpty() || min.isEmpty() || max.get() - (double) min.get() < parts) {
            return Optional.empty();
        }
        java.math.BigInteger lo = java.math.BigInteger.valueOf(min.get());
        java.math.BigInteger span = java.math.BigInteger.valueOf(max.get()).subtract(lo);
        List<KeyValues> splits = new java.util.ArrayList<>();
        for (int i = 1; i < parts; i++) {
            long split = lo.add(span.multiply(java.math.BigInteger.valueOf(i))
                    .divide(java.math.BigInteger.valueOf(parts))).longValueExact();
            splits.add(KeyValues.of(split));
        }
        long[] estimates = new long[parts];
        long total = 0;
        for (int i = 0; i < parts; i++) {
            KeyValues lower = i == 0 ? KeyValues.of(min.get() - 1) : splits.get(i - 1);
            KeyValues upper = i == parts - 1 ? KeyValues.of(max.get()) : splits.get(i);
            estimates[i] = estimate(table, new KeyRange(lower, upper));
            if (estimates[i] < 0) {
                return Optional.empty();
            }
            total += estimates[i];
        }
        double share = total / (double) parts;
        for (long e : estimates) {
            if (e < share / 3 || e > share * 3) {
                return Optional.empty();
            }
        }
        return Optional.of(splits);
    }

    private Optional<Long> sourceMax;


    /** The source's largest key when the walk first needs it; rows added later fall into the open last chunk. */
    private Optional<Long> sourceMax(SideTable table) {
        if (sourceMax == null) {
            sourceMax = sourceEnd(table, estimates().maxKey(table));
        }
        return sourceMax;
    }

    /** The one key value {@code stmt} (a MIN or MAX of the key) returns, when it is a signed 64-bit integer. */
    private Optional<Long> sourceEnd(SideTable table, SqlStatement stmt) {
        try (Connection c = source.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                Object end = rs.next() ? rs.getObject(1) : null;
                return end instanceof Long || end instanceof Integer || end instanceof Short || end instanceof Byte
                        ? Optional.of(((Number) end).longValue()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("finding the key range of " + table.ref(), source.side(), e);
        }
    }

    private long estimate(SideTable table, KeyRange range) {
        SqlStatement stmt = estimates().rowEstimate(table, range);
        try (Connection c = source.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return estimates().readRowEstimate(rs);
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("estimating chunk rows of " + table.ref(), source.side(), e);
        }
    }

    private RowEstimates estimates() {
        return source.engine().chunks().estimates().orElseThrow();
    }

    /** Whether {@code chunk} is the last of its segment. */
    public static boolean isLast(Chunk chunk, KeyRange segment) {
        return chunk.range().upper() == null ? segment.upper() == null : chunk.range().upper().equals(segment.upper());
    }
}
