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

/** Reads the rows of a small key range, or of a few keys, from one side in key order, as canonical values. */
final class RowFetcher {

    private RowFetcher() {
    }

    static List<RowImage> fetch(SideConnection side, SideTable table, KeyRange range) {
        return read(side, table, side.engine().rows().rows(table, range), range.toString());
    }

    /** The rows with these keys, in key order; keys without a row on this side are simply absent. */
    static List<RowImage> fetch(SideConnection side, SideTable table, List<io.parity.core.KeyValues> keys) {
        return read(side, table, side.engine().rows().rowsByKeys(table, keys), keys.size() + " keys");
    }

    private static List<RowImage> read(SideConnection side, SideTable table, SqlStatement stmt, String what) {
        try (Connection c = side.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            List<RowImage> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(side.engine().rows().readRow(rs, table));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading rows of " + table.ref() + " " + what, side.side(), e);
        }
    }
}
