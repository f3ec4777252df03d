package io.parity.reconcile;

import io.parity.chunk.KeyRange;
import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.dialect.SqlStatement;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the rows of a small key range from one side in key order, as canonical values. */
final class RowFetcher {

    private RowFetcher() {
    }

    static List<RowImage> fetch(SideConnection side, SideTable table, KeyRange range) {
        SqlStatement stmt = side.dialect().rows(table, range);
        try (Connection c = side.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            side.dialect().bind(ps, stmt.params());
            List<RowImage> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(side.dialect().readRow(rs, table));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading rows of " + table.ref() + " " + range, side.side(), e);
        }
    }
}
