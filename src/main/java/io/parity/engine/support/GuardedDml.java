package io.parity.engine.support;

import io.parity.core.KeyValues;
import io.parity.engine.RepairSql;
import io.parity.schema.SideTable;

import java.util.List;
import java.util.StringJoiner;

/**
 * The repair statements every engine writes the same way: {@code INSERT} of a whole row, {@code UPDATE} of the changed
 * columns and {@code DELETE}, each of one row and only while that row is still exactly as it was read. An engine says
 * how it renders a literal, how it guards a row exactly, and how it limits a statement to one row.
 *
 * <pre>
 * UPDATE `shop`.`orders` SET `status` = 'paid' WHERE `id` = 42 AND ... LIMIT 1
 * DELETE FROM "public"."orders" WHERE "id" = 42 AND ... FETCH FIRST 1 ROW ONLY
 * </pre>
 */
public abstract class GuardedDml implements RepairSql {

    protected final StandardSql sql;

    protected GuardedDml(StandardSql sql) {
        this.sql = sql;
    }

    /** The condition that matches the row with {@code key} only while it is still exactly {@code row}. */
    protected abstract String guard(SideTable table, KeyValues key, Object[] row);

    /** What limits an {@code UPDATE} or {@code DELETE} to one row: {@code LIMIT 1}, {@code FETCH FIRST 1 ROW ONLY}. */
    protected abstract String oneRow();

    @Override
    public String insert(SideTable table, Object[] row) {
        StringJoiner cols = new StringJoiner(", ", "(", ")");
        StringJoiner vals = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < row.length; i++) {
            cols.add(sql.quote(table.columns().get(i).name()));
            vals.add(literal(table, i, row[i]));
        }
        return "INSERT INTO " + sql.from(table.ref()) + " " + cols + " VALUES " + vals;
    }

    @Override
    public String update(SideTable table, KeyValues key, Object[] before, Object[] after, List<Integer> columns) {
        StringJoiner set = new StringJoiner(", ");
        for (int i : columns) {
            set.add(sql.quote(table.columns().get(i).name()) + " = " + literal(table, i, after[i]));
        }
        return "UPDATE " + sql.from(table.ref()) + " SET " + set + " WHERE " + guard(table, key, before) + " "
                + oneRow();
    }

    @Override
    public String delete(SideTable table, KeyValues key, Object[] before) {
        return "DELETE FROM " + sql.from(table.ref()) + " WHERE " + guard(table, key, before) + " " + oneRow();
    }
}
