package io.parity.engine.support;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The SQL every JDBC engine builds the same way, with bind parameters and quoted identifiers: table names, key lists,
 * keyset range predicates (see {@link KeyPredicates}), the index walk and reads by key. An engine subclasses it for
 * its quoting and its way of skipping rows:
 *
 * <pre>
 * SELECT "id" FROM "shop"."orders" WHERE "id" &gt; ? ORDER BY "id" OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY   -- standard
 * SELECT `id` FROM `shop`.`orders` WHERE `id` &gt; ? ORDER BY `id` LIMIT ?, 1                               -- MySQL
 * </pre>
 */
public class StandardSql {

    /** Double quotes, doubled inside: standard SQL's delimited identifier. */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Skips the rows bound to the one parameter and returns the next one. */
    protected String offsetOne() {
        return " OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY";
    }

    public String from(TableRef ref) {
        return quote(ref.schema()) + "." + quote(ref.table());
    }

    /** The table's key columns, quoted, comma-separated: the ORDER BY and SELECT list of keyset queries. */
    public String keyList(SideTable table) {
        StringJoiner keys = new StringJoiner(", ");
        table.key().forEach(c -> keys.add(quote(c.name())));
        return keys.toString();
    }

    /**
     * The ORDER BY of rows read within a range or by keys, which Java merges: the key, unless the engine orders text
     * keys by something Java can reproduce (PostgreSQL: {@code COLLATE "C"}, the order of the UTF-8 bytes).
     */
    public String rowOrder(SideTable table) {
        return keyList(table);
    }

    /** Appends {@code WHERE <range>} and, when {@code filtered}, the table's own filter. */
    public void where(StringBuilder sql, List<Object> params, SideTable table, KeyRange range, boolean filtered) {
        sql.append(" WHERE ");
        KeyPredicates.append(sql, params, table.key().stream().map(c -> quote(c.name())).toList(), range);
        if (filtered && table.where() != null) {
            sql.append(" AND (").append(table.where()).append(')');
        }
    }

    /** The key {@code offset} rows into {@code range}, in key order. */
    public SqlStatement keyAt(SideTable table, KeyRange range, long offset, boolean filtered) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(keyList(table)).append(" FROM ")
                .append(from(table.ref()));
        where(sql, params, table, range, filtered);
        sql.append(" ORDER BY ").append(keyList(table)).append(offsetOne());
        params.add(offset);
        return new SqlStatement(sql.toString(), params);
    }

    /** {@code SELECT <select> FROM t WHERE <range> [AND (<where>)] ORDER BY <key>}. */
    public SqlStatement ordered(SideTable table, KeyRange range, String select) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(from(table.ref()));
        where(sql, params, table, range, true);
        sql.append(" ORDER BY ").append(rowOrder(table));
        return new SqlStatement(sql.toString(), params);
    }

    /**
     * {@code SELECT <select> FROM t WHERE ((<range>) OR (<range>) ...) [AND (<where>)] ORDER BY <key>}: the rows of
     * several disjoint ranges in one read, in key order; {@link #ordered} for one.
     */
    public SqlStatement orderedInRanges(SideTable table, List<KeyRange> ranges, String select) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("no ranges to read");
        }
        if (ranges.size() == 1) {
            return ordered(table, ranges.get(0), select);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(from(table.ref()))
                .append(" WHERE (");
        List<String> key = table.key().stream().map(c -> quote(c.name())).toList();
        for (int i = 0; i < ranges.size(); i++) {
            sql.append(i == 0 ? "(" : " OR (");
            KeyPredicates.append(sql, params, key, ranges.get(i));
            sql.append(')');
        }
        sql.append(')');
        if (table.where() != null) {
            sql.append(" AND (").append(table.where()).append(')');
        }
        sql.append(" ORDER BY ").append(rowOrder(table));
        return new SqlStatement(sql.toString(), params);
    }

    /**
     * {@code WHERE k IN (?, ...)} for a one-column key, {@code (a = ? AND b = ?) OR ...} for a composite one (which
     * range optimisers turn into point lookups on the primary key), plus the table filter, in key order.
     */
    public SqlStatement byKeys(SideTable table, List<KeyValues> keys, String select) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys to read");
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(from(table.ref()))
                .append(" WHERE (");
        List<String> cols = table.key().stream().map(c -> quote(c.name())).toList();
        if (cols.size() == 1) {
            StringJoiner marks = new StringJoiner(", ", cols.get(0) + " IN (", ")");
            keys.forEach(k -> {
                marks.add("?");
                params.add(k.get(0));
            });
            sql.append(marks);
        } else {
            StringJoiner any = new StringJoiner(" OR ");
            for (KeyValues k : keys) {
                StringJoiner all = new StringJoiner(" AND ", "(", ")");
                for (int i = 0; i < cols.size(); i++) {
                    all.add(cols.get(i) + " = ?");
                    params.add(k.get(i));
                }
                any.add(all.toString());
            }
            sql.append(any);
        }
        sql.append(')');
        if (table.where() != null) {
            sql.append(" AND (").append(table.where()).append(')');
        }
        sql.append(" ORDER BY ").append(rowOrder(table));
        return new SqlStatement(sql.toString(), params);
    }

    /** {@code SELECT <select> FROM t WHERE k1 = ? AND k2 = ?}: one row by key, without the table filter. */
    public SqlStatement byKey(SideTable table, KeyValues key, String select) {
        StringJoiner where = new StringJoiner(" AND ");
        table.key().forEach(c -> where.add(quote(c.name()) + " = ?"));
        return new SqlStatement("SELECT " + select + " FROM " + from(table.ref()) + " WHERE " + where, key.toList());
    }

    /** A catalog query whose two parameters are the table's schema and name. */
    public SqlStatement aboutTable(String query, SideTable table) {
        return new SqlStatement(query, List.of(table.ref().schema(), table.ref().table()));
    }

    /** {@code SELECT 1 FROM t WHERE 1 = 0}: fails when the table is missing or not readable, reads nothing. */
    public SqlStatement probe(TableRef table) {
        return SqlStatement.of("SELECT 1 FROM " + from(table) + " WHERE 1 = 0");
    }
}
