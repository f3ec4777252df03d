package io.parity.reconcile;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.KeyValues;
import io.parity.core.RowDiff;
import io.parity.core.RowImage;
import io.parity.engine.SqlStatement;
import io.parity.schema.TablePlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Compares given keys again, row by row, with the verify engine's own canonical encoding and merge: used to re-check
 * differences found under live replication and to re-verify repaired keys, so "resolved" and "repaired" mean the
 * same thing as "consistent" in a verify run.
 */
public final class KeyRecheck {

    private final TablePlan plan;
    private final SideConnection source;
    private final SideConnection destination;

    public KeyRecheck(TablePlan plan, SideConnection source, SideConnection destination) {
        this.plan = plan;
        this.source = source;
        this.destination = destination;
    }

    /** Differences that remain among {@code keys}; empty when the table is consistent there. */
    public List<RowDiff> remaining(List<KeyValues> keys) {
        List<RowDiff> diffs = new ArrayList<>();
        byKey(keys).values().forEach(diffs::addAll);
        return diffs;
    }

    /** For each key, the differences it has now (an empty list when its rows are equal on both sides). */
    public Map<KeyValues, List<RowDiff>> byKey(List<KeyValues> keys) {
        return byKey(keys, () -> { });
    }

    /**
     * The same, all source rows read first and {@code afterSource} run before the destination's are: a fence waits
     * there until the destination applied what the source showed.
     */
    public Map<KeyValues, List<RowDiff>> byKey(List<KeyValues> keys, Runnable afterSource) {
        RowMerger merger = new RowMerger(plan.id(), KeyOrder.of(plan), plan.source().columnNames());
        Map<KeyValues, List<RowDiff>> result = new LinkedHashMap<>();
        try (Connection s = source.dataSource().getConnection(); Connection d = destination.dataSource().getConnection()) {
            Map<KeyValues, List<RowImage>> sourceRows = new LinkedHashMap<>();
            for (KeyValues key : new LinkedHashSet<>(keys)) {
                sourceRows.put(key, exact(read(source, s, plan.source(), key), key));
            }
            afterSource.run();
            for (Map.Entry<KeyValues, List<RowImage>> e : sourceRows.entrySet()) {
                result.put(e.getKey(), merger.merge(e.getValue(),
                        exact(read(destination, d, plan.destination(), e.getKey()), e.getKey())));
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("re-checking keys of " + plan.id(), source.side(), e);
        }
        return result;
    }

    /**
     * As {@link #byKey(List, Runnable)}, and the source read again after the destination: a key whose destination row
     * equals the source's as it was before or as it is after has no difference. A replicator that applies in commit
     * order can show a row that changed on the source between its first read and {@code afterSource} (ahead of that
     * read, not behind); such a row equals the source's later image unless it changed yet again, while a real
     * difference equals neither.
     */
    public Map<KeyValues, List<RowDiff>> byKeyBeforeOrAfter(List<KeyValues> keys, Runnable afterSource) {
        RowMerger merger = new RowMerger(plan.id(), KeyOrder.of(plan), plan.source().columnNames());
        Map<KeyValues, List<RowDiff>> result = new LinkedHashMap<>();
        try (Connection s = source.dataSource().getConnection(); Connection d = destination.dataSource().getConnection()) {
            List<KeyValues> unique = new ArrayList<>(new LinkedHashSet<>(keys));
            Map<KeyValues, List<RowImage>> before = new LinkedHashMap<>();
            for (KeyValues key : unique) {
                before.put(key, exact(read(source, s, plan.source(), key), key));
            }
            afterSource.run();
            Map<KeyValues, List<RowImage>> shown = new LinkedHashMap<>();
            for (KeyValues key : unique) {
                shown.put(key, exact(read(destination, d, plan.destination(), key), key));
            }
            for (KeyValues key : unique) {
                List<RowDiff> first = merger.merge(before.get(key), shown.get(key));
                if (first.isEmpty()) {
                    result.put(key, first);
                    continue;
                }
                List<RowDiff> later = merger.merge(exact(read(source, s, plan.source(), key), key), shown.get(key));
                result.put(key, later.isEmpty() ? later : first);
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("re-checking keys of " + plan.id(), source.side(), e);
        }
        return result;
    }

    /**
     * Where the sides' key collations differ, keys are compared by their bytes: a lookup of {@code 'A'} under a
     * case-insensitive collation also finds {@code 'a'}, which is another key here, so only exact text matches stay.
     */
    private List<RowImage> exact(List<RowImage> rows, KeyValues key) {
        if (!plan.keyBytesOrder()) {
            return rows;
        }
        return rows.stream().filter(r -> sameText(r.key(), key)).toList();
    }

    private static boolean sameText(KeyValues a, KeyValues b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof String x && !x.equals(String.valueOf(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static List<RowImage> read(SideConnection side, Connection c, io.parity.schema.SideTable table, KeyValues key)
            throws SQLException {
        SqlStatement stmt = side.engine().rows().rowByKey(table, key);
        List<RowImage> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(side.engine().rows().readRow(rs, table));
                }
            }
        }
        return rows;
    }
}
