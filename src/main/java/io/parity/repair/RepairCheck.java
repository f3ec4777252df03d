package io.parity.repair;

import io.parity.chunk.KeyValues;
import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.dialect.SqlStatement;
import io.parity.reconcile.KeyOrder;
import io.parity.reconcile.RowDiff;
import io.parity.reconcile.RowImage;
import io.parity.reconcile.RowMerger;
import io.parity.schema.TablePlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Re-verifies exactly the repaired keys with the verify engine's own canonical encoding and merge, so "repaired"
 * means the same thing as "consistent" in a verify run.
 */
public final class RepairCheck {

    private final TablePlan plan;
    private final SideConnection source;
    private final SideConnection destination;

    public RepairCheck(TablePlan plan, SideConnection source, SideConnection destination) {
        this.plan = plan;
        this.source = source;
        this.destination = destination;
    }

    /** Differences that remain among {@code keys}; empty when the table is consistent there. */
    public List<RowDiff> remaining(List<KeyValues> keys) {
        RowMerger merger = new RowMerger(plan.id(), new KeyOrder(plan.source().key()), plan.source().columnNames());
        List<RowDiff> diffs = new ArrayList<>();
        try (Connection s = source.dataSource().getConnection(); Connection d = destination.dataSource().getConnection()) {
            for (KeyValues key : new LinkedHashSet<>(keys)) {
                diffs.addAll(merger.merge(read(source, s, plan.source(), key), read(destination, d, plan.destination(), key)));
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("re-verifying repaired keys of " + plan.id(), source.side(), e);
        }
        return diffs;
    }

    private static List<RowImage> read(SideConnection side, Connection c, io.parity.schema.SideTable table, KeyValues key)
            throws SQLException {
        SqlStatement stmt = side.dialect().repairSql().selectCanonicalRow(table, key);
        List<RowImage> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            side.dialect().bind(ps, stmt.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(side.dialect().readRow(rs, table));
                }
            }
        }
        return rows;
    }
}
