package io.parity.engine.support;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;

import java.util.List;

/**
 * Builds keyset range predicates for composite keys with bind parameters, expanding the row-value comparison
 * {@code (a, b) > (?, ?)} into a form every engine's range optimiser understands. For key {@code (a, b)} and a range
 * with both bounds:
 *
 * <pre>
 * (`a` &gt;= ? AND (`a` &gt; ? OR (`a` = ? AND `b` &gt; ?))) AND (`a` &lt;= ? AND (`a` &lt; ? OR (`a` = ? AND `b` &lt;= ?)))
 * </pre>
 *
 * The leading {@code a >= ?} / {@code a <= ?} conjunct is redundant but lets the optimiser pick an index range scan on
 * the first key column.
 */
public final class KeyPredicates {

    private KeyPredicates() {
    }

    /** Appends the predicate for {@code range} (or {@code 1=1} for the whole table) and adds its parameters. */
    public static void append(StringBuilder sql, List<Object> params, List<String> quotedKey, KeyRange range) {
        if (range.isOpenBelow() && range.isOpenAbove()) {
            sql.append("1=1");
            return;
        }
        if (!range.isOpenBelow()) {
            bound(sql, params, quotedKey, range.lower(), ">", ">");
        }
        if (!range.isOpenBelow() && !range.isOpenAbove()) {
            sql.append(" AND ");
        }
        if (!range.isOpenAbove()) {
            bound(sql, params, quotedKey, range.upper(), "<", "<=");
        }
    }

    private static void bound(StringBuilder sql, List<Object> params, List<String> cols, KeyValues key,
                              String strict, String last) {
        if (key.size() != cols.size()) {
            throw new IllegalArgumentException("key has " + key.size() + " values for " + cols.size() + " columns");
        }
        if (cols.size() == 1) {
            sql.append(cols.get(0)).append(' ').append(last).append(" ?");
            params.add(key.get(0));
            return;
        }
        sql.append('(').append(cols.get(0)).append(' ').append(strict).append("= ? AND (");
        params.add(key.get(0));
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append('(');
            for (int j = 0; j < i; j++) {
                sql.append(cols.get(j)).append(" = ? AND ");
                params.add(key.get(j));
            }
            sql.append(cols.get(i)).append(' ').append(i == cols.size() - 1 ? last : strict).append(" ?)");
            params.add(key.get(i));
        }
        sql.append("))");
    }
}
