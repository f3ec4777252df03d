package io.parity.repair;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.KeyValues;
import io.parity.engine.RepairSql;
import io.parity.engine.support.PortableValues;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides the row changes that make the target equal to the side being copied from, for the keys a verify run
 * reported. Both sides are read fresh, so the repair reflects the data as it is now, not as the report saw it: a
 * difference that has since resolved produces nothing. Per key, rows that are already equal are left alone; the rest
 * become updates (only the differing columns), inserts or deletes. Deletes come first, so that a row deleted and a
 * row inserted that share a unique value do not collide.
 */
public final class RepairPlanner {

    private final SideConnection from;
    private final SideTable fromTable;
    private final SideConnection target;
    private final SideTable targetTable;
    private final boolean exactKeys;

    public RepairPlanner(SideConnection from, SideTable fromTable, SideConnection target, SideTable targetTable) {
        this(from, fromTable, target, targetTable, false);
    }

    /** @param exactKeys text keys are compared by their characters, not by either side's collation */
    public RepairPlanner(SideConnection from, SideTable fromTable, SideConnection target, SideTable targetTable,
                         boolean exactKeys) {
        this.from = from;
        this.fromTable = fromTable;
        this.target = target;
        this.targetTable = targetTable;
        this.exactKeys = exactKeys;
    }

    public List<RepairAction> plan(List<KeyValues> keys) {
        Set<KeyValues> unique = new LinkedHashSet<>(keys);
        List<RepairAction> actions = new ArrayList<>();
        RowReader fromReader = new RowReader(from, fromTable, exactKeys);
        RowReader targetReader = new RowReader(target, targetTable, exactKeys);
        try (Connection f = from.dataSource().getConnection(); Connection t = target.dataSource().getConnection()) {
            for (KeyValues key : unique) {
                actions.addAll(forKey(key, fromReader.rows(f, key), targetReader.rows(t, key)));
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("connecting for repair", target.side(), e);
        }
        actions.sort(Comparator.comparing(RepairAction::kind));
        return actions;
    }

    private List<RepairAction> forKey(KeyValues key, List<Object[]> wanted, List<Object[]> present) {
        RepairSql sql = target.engine().repair();
        List<Object[]> unmatchedWanted = new ArrayList<>();
        List<Object[]> unmatchedPresent = new ArrayList<>(present);
        for (Object[] w : wanted) {
            Object[] same = unmatchedPresent.stream().filter(p -> changed(sql, p, w).isEmpty()).findFirst().orElse(null);
            if (same == null) {
                unmatchedWanted.add(w);
            } else {
                unmatchedPresent.remove(same);
            }
        }
        List<RepairAction> actions = new ArrayList<>();
        int pairs = Math.min(unmatchedWanted.size(), unmatchedPresent.size());
        for (int i = 0; i < pairs; i++) {
            Object[] before = unmatchedPresent.get(i);
            Object[] after = unmatchedWanted.get(i);
            // generated columns follow from the others: never written, so a row differing only there gets no statement
            List<Integer> writable = changed(sql, before, after).stream()
                    .filter(c -> !targetTable.columns().get(c).generated()).toList();
            if (!writable.isEmpty()) {
                // the row as the update leaves it, which the undo's guard checks: its own values but the written
                // columns and the generated ones (computed from them, as on the other side); the other side's full
                // row may spell equal values differently (another engine)
                Object[] written = before.clone();
                writable.forEach(c -> written[c] = after[c]);
                for (int c = 0; c < written.length; c++) {
                    if (targetTable.columns().get(c).generated()) {
                        written[c] = after[c];
                    }
                }
                actions.add(new RepairAction(RepairAction.Kind.UPDATE, key, before, written, writable));
            }
        }
        int surplus = unmatchedPresent.size() - pairs;
        int lacking = unmatchedWanted.size() - pairs;
        if (targetTable.key().isEmpty()) {
            // a table without a key: every row read for this row hash is the same row, so one statement per kind
            // deletes or inserts exactly that many copies
            if (surplus > 0) {
                actions.add(new RepairAction(RepairAction.Kind.DELETE, key, unmatchedPresent.get(pairs), null,
                        List.of(), surplus));
            }
            if (lacking > 0) {
                actions.add(new RepairAction(RepairAction.Kind.INSERT, key, null, unmatchedWanted.get(pairs),
                        List.of(), lacking));
            }
            return actions;
        }
        for (int i = pairs; i < unmatchedPresent.size(); i++) {
            actions.add(new RepairAction(RepairAction.Kind.DELETE, key, unmatchedPresent.get(i), null, List.of()));
        }
        for (int i = pairs; i < unmatchedWanted.size(); i++) {
            actions.add(new RepairAction(RepairAction.Kind.INSERT, key, null, unmatchedWanted.get(i), List.of()));
        }
        return actions;
    }

    /**
     * Columns whose values differ between {@code present} (the target's row) and {@code wanted} (the other side's).
     * On one engine, exact literals: literal text is exact for every type, so equal text means equal data. Across
     * engines, the portable canonical values verify compares: {@code '10:00:00.000'} from MySQL and
     * {@code '10:00:00'} from PostgreSQL are one value, and a repair must not rewrite it.
     */
    private List<Integer> changed(RepairSql sql, Object[] present, Object[] wanted) {
        boolean crossEngine = !from.engine().family().equals(target.engine().family());
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < present.length; i++) {
            boolean same = crossEngine
                    ? Arrays.equals(canonical(targetTable.columns().get(i), present[i]),
                            canonical(fromTable.columns().get(i), wanted[i]))
                    : Objects.equals(sql.literal(targetTable, i, present[i]), sql.literal(targetTable, i, wanted[i]));
            if (!same) {
                columns.add(i);
            }
        }
        return columns;
    }

    /** A raw value as repair reads it (text may come as UTF-8 bytes) in the portable encoding. */
    private static byte[] canonical(Column column, Object raw) {
        Object value = raw instanceof byte[] b && column.kind() != ColumnKind.BINARY
                ? new String(b, StandardCharsets.UTF_8) : raw;
        return PortableValues.of(column, value);
    }
}
