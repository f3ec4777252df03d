package io.parity.reconcile;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.ChecksumPair;
import io.parity.core.DiffKind;
import io.parity.core.HashAlgorithm;
import io.parity.core.RowDiff;
import io.parity.core.RowHasher;
import io.parity.core.RowImage;
import io.parity.core.Side;
import io.parity.engine.KeyBytesRows;
import io.parity.schema.SideTable;
import io.parity.schema.TablePlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a table whose key orders differently on the two sides (a text key whose collation or character set changed
 * in the migration). Neither server's order can be used to merge: under {@code utf8mb4_general_ci} {@code 'a'} and
 * {@code 'A'} are one key, under {@code utf8mb4_bin} two, and accented letters sort apart. Both sides stream every
 * row ordered by the key's UTF-8 bytes ({@link KeyBytesRows#inKeyBytesOrder}), and one merge in that order
 * ({@link KeyOrder#byKeyBytes}) pairs rows whose keys are the same characters. Each row is compared column by column
 * in the canonical encoding and hashed into the side's checksum; only differences are kept.
 */
public final class KeyBytesMerge {

    /** Both sides' checksums and the differing rows. */
    public record Result(ChecksumPair checksums, List<RowDiff> diffs) {
    }

    private final TablePlan plan;
    private final SideConnection source;
    private final SideConnection destination;
    private final HashAlgorithm hash;

    public KeyBytesMerge(TablePlan plan, SideConnection source, SideConnection destination, HashAlgorithm hash) {
        this.plan = plan;
        this.source = source;
        this.destination = destination;
        this.hash = hash;
    }

    public Result compare() {
        KeyOrder order = KeyOrder.byKeyBytes(plan.source().key());
        RowMerger merger = new RowMerger(plan.id(), order, plan.source().columnNames());
        RowHasher srcHash = new RowHasher(hash);
        RowHasher dstHash = new RowHasher(hash);
        List<RowDiff> diffs = new ArrayList<>();
        try (Connection s = source.dataSource().getConnection(); Connection d = destination.dataSource().getConnection();
             PreparedStatement sps = open(source, s, plan.source());
             PreparedStatement dps = open(destination, d, plan.destination());
             ResultSet sr = query(sps, Side.SOURCE); ResultSet dr = query(dps, Side.DESTINATION)) {
            RowImage sRow = next(source, sr, plan.source());
            RowImage dRow = next(destination, dr, plan.destination());
            while (sRow != null || dRow != null) {
                int c = sRow == null ? 1 : dRow == null ? -1 : order.compare(sRow, dRow);
                if (c < 0) {
                    diffs.add(new RowDiff(plan.id(), sRow.key(), DiffKind.MISSING, List.of()));
                } else if (c > 0) {
                    diffs.add(new RowDiff(plan.id(), dRow.key(), DiffKind.EXTRA, List.of()));
                } else {
                    RowDiff changed = merger.changed(sRow, dRow);
                    if (changed != null) {
                        diffs.add(changed);
                    }
                }
                if (c <= 0) {
                    srcHash.add(sRow.values());
                    sRow = next(source, sr, plan.source());
                }
                if (c >= 0) {
                    dstHash.add(dRow.values());
                    dRow = next(destination, dr, plan.destination());
                }
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("merging the rows of " + plan.id() + " in key byte order", Side.SOURCE, e);
        }
        return new Result(new ChecksumPair(srcHash.result(), dstHash.result()), diffs);
    }

    private static PreparedStatement open(SideConnection side, Connection c, SideTable table) throws SQLException {
        KeyBytesRows rows = side.engine().rows().keyBytesOrder().orElseThrow();
        return rows.streaming(c, rows.inKeyBytesOrder(table));
    }

    private ResultSet query(PreparedStatement ps, Side side) {
        try {
            return ps.executeQuery();
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading the rows of " + plan.id() + " in key byte order", side, e);
        }
    }

    private RowImage next(SideConnection side, ResultSet rs, SideTable table) {
        try {
            return rs.next() ? side.engine().rows().readRow(rs, table) : null;
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading the rows of " + plan.id() + " in key byte order", side.side(), e);
        }
    }
}
