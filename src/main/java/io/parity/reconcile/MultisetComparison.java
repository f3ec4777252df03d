package io.parity.reconcile;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.ChecksumPair;
import io.parity.core.ChunkChecksum;
import io.parity.core.DiffKind;
import io.parity.core.KeyValues;
import io.parity.core.RowDiff;
import io.parity.core.Side;
import io.parity.engine.RowGroups;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;
import io.parity.schema.TablePlan;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a table without a key as a multiset of rows: each side groups its rows by row hash and counts them
 * ({@link RowGroups#hashCounts}), both grouped results stream in hash order, and merging them names every distinct row
 * whose count differs. A row the source holds {@code s} times and the destination {@code d} times is reported
 * {@code s - d} times missing or {@code d - s} times extra, each report keyed by the row hash. One scan per side,
 * grouped by the servers, so Parity's memory does not grow with the table; only the differences are kept.
 */
public final class MultisetComparison {

    /** What both sides hold, as a chunk checksum each, and the differing rows. */
    public record Result(ChecksumPair checksums, List<RowDiff> diffs) {
    }

    private final TablePlan plan;
    private final SideConnection source;
    private final SideConnection destination;

    public MultisetComparison(TablePlan plan, SideConnection source, SideConnection destination) {
        this.plan = plan;
        this.source = source;
        this.destination = destination;
    }

    public Result compare() {
        List<RowDiff> diffs = new ArrayList<>();
        Sum src = new Sum();
        Sum dst = new Sum();
        try (Connection s = source.dataSource().getConnection(); Connection d = destination.dataSource().getConnection();
             PreparedStatement sps = open(source, s, plan.source()); PreparedStatement dps = open(destination, d,
                plan.destination()); ResultSet sr = query(sps, Side.SOURCE); ResultSet dr = query(dps, Side.DESTINATION)) {
            boolean sMore = sr.next();
            boolean dMore = dr.next();
            while (sMore || dMore) {
                int c = !sMore ? 1 : !dMore ? -1 : sr.getString(1).compareTo(dr.getString(1));
                String hash = c <= 0 ? sr.getString(1) : dr.getString(1);
                long sc = c <= 0 ? sr.getLong(2) : 0;
                long dc = c >= 0 ? dr.getLong(2) : 0;
                src.add(hash, sc);
                dst.add(hash, dc);
                for (long i = dc; i < sc; i++) {
                    diffs.add(new RowDiff(plan.id(), KeyValues.of(hash), DiffKind.MISSING, List.of()));
                }
                for (long i = sc; i < dc; i++) {
                    diffs.add(new RowDiff(plan.id(), KeyValues.of(hash), DiffKind.EXTRA, List.of()));
                }
                if (c <= 0) {
                    sMore = sr.next();
                }
                if (c >= 0) {
                    dMore = dr.next();
                }
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("counting the rows of " + plan.id() + " by row hash", Side.SOURCE, e);
        }
        return new Result(new ChecksumPair(src.checksum(), dst.checksum()), diffs);
    }

    private static PreparedStatement open(SideConnection side, Connection c, SideTable table) throws SQLException {
        RowGroups groups = side.engine().checksums().rowGroups().orElseThrow();
        SqlStatement stmt = groups.hashCounts(table);
        return groups.streaming(c, stmt);
    }

    private ResultSet query(PreparedStatement ps, Side side) {
        try {
            return ps.executeQuery();
        } catch (SQLException e) {
            throw ConnectionErrors.during("grouping the rows of " + plan.id() + " by row hash", side, e);
        }
    }

    /** Count and the sum of each row's hash (its first 64 bits) times its copies: the side's checksum. */
    private static final class Sum {
        private long rows;
        private BigInteger sum = BigInteger.ZERO;

        void add(String hash, long copies) {
            if (copies > 0) {
                rows += copies;
                sum = sum.add(new BigInteger(hash.substring(0, 16), 16).multiply(BigInteger.valueOf(copies)));
            }
        }

        ChunkChecksum checksum() {
            return new ChunkChecksum(rows, sum, BigInteger.ZERO);
        }
    }
}
