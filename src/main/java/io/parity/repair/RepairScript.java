package io.parity.repair;

import io.parity.engine.RepairSql;
import io.parity.schema.SideTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one table's repair (or undo), grouped into transactions of at most {@code batchSize}
 * statements. Rendering is the dialect's; this class only orders and groups.
 */
public final class RepairScript {

    private final SideTable table;
    private final RepairSql sql;
    private final List<RepairAction> actions;
    private final int batchSize;
    private final int maxStatementBytes;

    public RepairScript(SideTable table, RepairSql sql, List<RepairAction> actions, int batchSize) {
        this(table, sql, actions, batchSize, Integer.MAX_VALUE);
    }

    /** @param maxStatementBytes the longest statement the target accepts (its {@code max_allowed_packet}) */
    public RepairScript(SideTable table, RepairSql sql, List<RepairAction> actions, int batchSize,
                        int maxStatementBytes) {
        this.table = table;
        this.sql = sql;
        this.actions = List.copyOf(actions);
        this.batchSize = batchSize;
        this.maxStatementBytes = maxStatementBytes;
    }

    /** The script that undoes this one: inverse actions in reverse order. */
    public RepairScript undo() {
        List<RepairAction> inverse = new ArrayList<>();
        for (int i = actions.size() - 1; i >= 0; i--) {
            inverse.add(actions.get(i).inverse());
        }
        return new RepairScript(table, sql, inverse, batchSize, maxStatementBytes);
    }

    /** The same script restricted to some of its actions, in the same order. */
    public RepairScript only(List<RepairAction> subset) {
        return new RepairScript(table, sql, actions.stream().filter(subset::contains).toList(), batchSize,
                maxStatementBytes);
    }

    public List<RepairAction> actions() {
        return actions;
    }

    public SideTable table() {
        return table;
    }

    /**
     * The statements of one action, each within the target's statement limit: one, or for a large value the write
     * that decides whether the row is still as read, then the pieces of the value.
     */
    public List<String> statements(RepairAction a) {
        return switch (a.kind()) {
            case INSERT -> copies(sql.insert(table, a.key(), a.after(), maxStatementBytes), a.copies());
            case UPDATE -> sql.update(table, a.key(), a.before(), a.after(), a.columns(), maxStatementBytes);
            case DELETE -> sql.delete(table, a.key(), a.before(), a.copies(), maxStatementBytes);
        };
    }

    /** An insert of {@code n} copies of one row: the same statements {@code n} times. */
    private static List<String> copies(List<String> insert, int n) {
        List<String> all = new java.util.ArrayList<>(insert.size() * n);
        for (int i = 0; i < n; i++) {
            all.addAll(insert);
        }
        return all;
    }

    /** Actions split into transactions. */
    public List<List<RepairAction>> transactions() {
        List<List<RepairAction>> batches = new ArrayList<>();
        for (int i = 0; i < actions.size(); i += batchSize) {
            batches.add(actions.subList(i, Math.min(actions.size(), i + batchSize)));
        }
        return batches;
    }

    /** Rows changed of this kind (an action on several copies of a row counts each copy). */
    public long count(RepairAction.Kind kind) {
        return actions.stream().filter(a -> a.kind() == kind).mapToLong(RepairAction::copies).sum();
    }

    /** The file text: header comments, session pinning, then each transaction. */
    public String render(List<String> headerComments) {
        StringBuilder out = new StringBuilder();
        headerComments.forEach(c -> out.append("-- ").append(c).append('\n'));
        out.append('\n');
        sql.sessionHeader().forEach(s -> out.append(s).append(";\n"));
        for (List<RepairAction> batch : transactions()) {
            out.append('\n').append(sql.beginTransaction()).append(";\n");
            batch.forEach(a -> statements(a).forEach(s -> out.append(s).append(";\n")));
            out.append(sql.commit()).append(";\n");
        }
        return out.toString();
    }
}
