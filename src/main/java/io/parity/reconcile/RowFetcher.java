package io.parity.reconcile;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.KeyRange;
import io.parity.core.RowImage;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a small key range, or of a few keys, from one side in key order, as canonical values. A read with
 * a byte budget streams and gives up with {@link TooWide} once the values it holds pass the budget, so that a range of
 * wide rows never has to fit in the heap at once: the caller reads it in smaller pieces instead.
 */
final class RowFetcher {

    /** No budget: the rows are read whatever their size. */
    static final long UNBOUNDED = Long.MAX_VALUE;

    private RowFetcher() {
    }

    static List<RowImage> fetch(SideConnection side, SideTable table, KeyRange range) {
        return fetch(side, table, range, UNBOUNDED);
    }

    /** The rows with these keys, in key order; keys without a row on this side are simply absent. */
    static List<RowImage> fetch(SideConnection side, SideTable table, List<io.parity.core.KeyValues> keys) {
        return fetch(side, table, keys, UNBOUNDED);
    }

    static List<RowImage> fetch(SideConnection side, SideTable table, KeyRange range, long budget) {
        return fetchRanges(side, table, List.of(range), budget);
    }

    /** The rows of one range or several disjoint ones, read at once, in key order; the budget as for one range. */
    static List<RowImage> fetchRanges(SideConnection side, SideTable table, List<KeyRange> ranges, long budget) {
        return read(side, table, side.engine().rows().rowsInRanges(table, ranges), ranges.size() == 1
                ? ranges.get(0).toString() : ranges.size() + " ranges from " + ranges.get(0), budget);
    }

    static List<RowImage> fetch(SideConnection side, SideTable table, List<io.parity.core.KeyValues> keys,
                                long budget) {
        return read(side, table, side.engine().rows().rowsByKeys(table, keys), keys.size() + " keys", budget);
    }

    private static List<RowImage> read(SideConnection side, SideTable table, SqlStatement stmt, String what,
                                       long budget) {
        try (Connection c = side.dataSource().getConnection();
             PreparedStatement ps = budget == UNBOUNDED ? plain(c, stmt)
                     : side.engine().rows().prepareStreaming(c, stmt)) {
            List<RowImage> rows = new ArrayList<>();
            long held = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RowImage row = side.engine().rows().readRow(rs, table);
                    held += bytes(row);
                    if (held > budget) {
                        throw new TooWide();
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading rows of " + table.ref() + " " + what, side.side(), e);
        }
    }

    private static PreparedStatement plain(Connection c, SqlStatement stmt) throws SQLException {
        PreparedStatement ps = c.prepareStatement(stmt.sql());
        stmt.bind(ps);
        return ps;
    }

    private static long bytes(RowImage row) {
        long n = 0;
        for (byte[] v : row.values()) {
            n += v == null ? 0 : v.length;
        }
        return n;
    }

    /** The rows asked for hold more than the read's byte budget; nothing was kept. */
    static final class TooWide extends RuntimeException {
        TooWide() {
            super("rows over the read's byte budget", null, false, false);
        }
    }
}
