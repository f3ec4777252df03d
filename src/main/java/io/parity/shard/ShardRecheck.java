package io.parity.shard;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.KeyValues;
import io.parity.core.RowDiff;
import io.parity.core.RowImage;
import io.parity.core.Side;
import io.parity.engine.SqlStatement;
import io.parity.reconcile.KeyOrder;
import io.parity.reconcile.RowMerger;
import io.parity.schema.SideTable;
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
 * Compares given keys again when one side is sharded: each key read from every shard and from the single side, and
 * judged as {@link ShardMerge} judges it. Used to re-check differences found under live replication and to re-verify
 * repaired keys.
 */
public final class ShardRecheck {

    private final TablePlan plan;
    private final ShardSet shards;
    private final SideConnection single;

    public ShardRecheck(TablePlan plan, ShardSet shards, SideConnection single) {
        this.plan = plan;
        this.shards = shards;
        this.single = single;
    }

    /** Differences that remain among {@code keys}. */
    public List<RowDiff> remaining(List<KeyValues> keys) {
        List<RowDiff> diffs = new ArrayList<>();
        byKey(keys, () -> { }).values().forEach(diffs::addAll);
        return diffs;
    }

    /** For each key, its differences now; the sharded side is read first, then {@code between} runs, then the other. */
    public Map<KeyValues, List<RowDiff>> byKey(List<KeyValues> keys, Runnable between) {
        Side sharded = shards.side();
        List<SideTable> tables = shards.tables(plan.id());
        ShardRows judge = new ShardRows(plan.id(), sharded, new RowMerger(plan.id(), KeyOrder.byKeyBytes(plan.source().key()),
                plan.source().columnNames()), shards.shards().stream().map(ShardSet.Shard::name).toList());
        SideTable singleTable = sharded == Side.SOURCE ? plan.destination() : plan.source();
        List<KeyValues> unique = new ArrayList<>(new LinkedHashSet<>(keys));
        Map<KeyValues, RowImage[]> perShard = new LinkedHashMap<>();
        unique.forEach(k -> perShard.put(k, new RowImage[tables.size()]));
        for (int i = 0; i < tables.size(); i++) {
            SideConnection c = shards.shards().get(i).connection();
            Map<KeyValues, RowImage> found = read(c, tables.get(i), unique);
            for (KeyValues k : unique) {
                perShard.get(k)[i] = found.get(k);
            }
        }
        if (sharded == Side.SOURCE) {
            between.run();
        }
        Map<KeyValues, RowImage> other = read(single, singleTable, unique);
        Map<KeyValues, List<RowDiff>> result = new LinkedHashMap<>();
        for (KeyValues k : unique) {
            result.put(k, judge.diffs(perShard.get(k), other.get(k)));
        }
        return result;
    }

    /**
     * For each key, the shards (by index) that hold a row with it, each under its own condition: one for a row in
     * its place, none for a row no shard holds, two or more for a duplicate.
     */
    public Map<KeyValues, List<Integer>> holders(List<KeyValues> keys) {
        List<SideTable> tables = shards.tables(plan.id());
        List<KeyValues> unique = new ArrayList<>(new LinkedHashSet<>(keys));
        Map<KeyValues, List<Integer>> holders = new LinkedHashMap<>();
        unique.forEach(k -> holders.put(k, new ArrayList<>()));
        for (int i = 0; i < tables.size(); i++) {
            Map<KeyValues, RowImage> found = read(shards.shards().get(i).connection(), tables.get(i), unique);
            for (KeyValues k : found.keySet()) {
                holders.get(k).add(i);
            }
        }
        return holders;
    }

    /**
     * The shard whose {@code where} selects the single side's row with {@code key} (evaluated there, on the row as it
     * is), or -1 when none or more than one does, or a shard has no condition.
     */
    public int ownerByWhere(KeyValues key) {
        SideTable singleTable = shards.side() == Side.SOURCE ? plan.destination() : plan.source();
        int owner = -1;
        for (int i = 0; i < shards.shards().size(); i++) {
            String where = shards.shards().get(i).where();
            if (where == null) {
                return -1;
            }
            SideTable probe = new SideTable(singleTable.ref(), singleTable.key(), singleTable.columns(),
                    singleTable.where() == null ? "(" + where + ")" : "(" + singleTable.where() + ") AND (" + where + ")");
            if (!read(single, probe, List.of(key)).isEmpty()) {
                if (owner >= 0) {
                    return -1;
                }
                owner = i;
            }
        }
        return owner;
    }

    /** Each key's row on one server (its condition applied), matched by the exact characters of text keys. */
    private Map<KeyValues, RowImage> read(SideConnection side, SideTable table, List<KeyValues> keys) {
        Map<KeyValues, RowImage> rows = new LinkedHashMap<>();
        try (Connection c = side.dataSource().getConnection()) {
            for (KeyValues key : keys) {
                SqlStatement byKey = side.engine().rows().rowByKey(table, key);
                // the lookup ends with its key condition: the shard's own condition narrows it to the shard's rows
                SqlStatement stmt = table.where() == null ? byKey
                        : new SqlStatement(byKey.sql() + " AND (" + table.where() + ")", byKey.params());
                try (PreparedStatement ps = stmt.prepare(c); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RowImage row = side.engine().rows().readRow(rs, table);
                        if (sameText(row.key(), key)) {
                            rows.put(key, row);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("re-checking keys of " + table.ref(), side.side(), e);
        }
        return rows;
    }

    private static boolean sameText(KeyValues a, KeyValues b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof String x && !x.equals(String.valueOf(b.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
