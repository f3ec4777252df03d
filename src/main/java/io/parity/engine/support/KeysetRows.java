package io.parity.engine.support;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.engine.RowQueries;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;

import java.util.List;

/**
 * Row reads that differ between engines only in what they select: a range in key order, a set of keys, one key. An
 * engine gives the select list (key columns first, laid out for its {@link #readRow}).
 */
public abstract class KeysetRows implements RowQueries {

    protected final StandardSql sql;

    protected KeysetRows(StandardSql sql) {
        this.sql = sql;
    }

    /** The select list of every row read: the key (and what orders it), then the compared columns' values. */
    protected abstract String select(SideTable table);

    @Override
    public SqlStatement rows(SideTable table, KeyRange range) {
        return sql.ordered(table, range, select(table));
    }

    @Override
    public SqlStatement rowsInRanges(SideTable table, List<KeyRange> ranges) {
        return sql.orderedInRanges(table, ranges, select(table));
    }

    @Override
    public SqlStatement rowsByKeys(SideTable table, List<KeyValues> keys) {
        return sql.byKeys(table, keys, select(table));
    }

    @Override
    public SqlStatement rowByKey(SideTable table, KeyValues key) {
        return sql.byKey(table, key, select(table));
    }
}
