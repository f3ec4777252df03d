package io.parity.engine.postgres;

import io.parity.engine.KeyBytesRows;
import io.parity.engine.SqlStatement;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * <pre>
 * SELECT &lt;key, values&gt; FROM "s"."t" [WHERE (filter)] ORDER BY "name" COLLATE "C", "n"
 *
 * SELECT string_agg(quote_literal("name"), ' and ' ORDER BY "name" COLLATE "C") FROM "s"."t"
 *  GROUP BY "name" COLLATE "und-x-icu" HAVING count(*) &gt; 1 LIMIT 6
 * </pre>
 */
final class PostgresKeyBytesRows implements KeyBytesRows {

    private final PostgresSql sql;
    private final Function<SideTable, String> select;

    PostgresKeyBytesRows(PostgresSql sql, Function<SideTable, String> select) {
        this.sql = sql;
        this.select = select;
    }

    @Override
    public SqlStatement inKeyBytesOrder(SideTable table) {
        return SqlStatement.of("SELECT " + select.apply(table) + " FROM " + sql.from(table.ref()) + where(table)
                + " ORDER BY " + byteOrder(table));
    }

    @Override
    public SqlStatement collidingKeys(SideTable table, List<Column> otherKey, int limit) {
        StringJoiner shown = new StringJoiner(" || ', ' || ");
        StringJoiner groups = new StringJoiner(", ");
        for (int i = 0; i < table.key().size(); i++) {
            Column c = table.key().get(i);
            Column other = otherKey.get(i);
            shown.add("quote_literal(" + sql.quote(c.name()) + ")");
            groups.add(c.kind() == ColumnKind.TEXT && other.collation() != null
                    ? "CAST(" + sql.quote(c.name()) + " AS text) COLLATE " + sql.quote(other.collation())
                    : sql.quote(c.name()));
        }
        String key = table.key().size() == 1 ? shown.toString() : "'(' || " + shown + " || ')'";
        return SqlStatement.of("SELECT string_agg(" + key + ", ' and ' ORDER BY " + byteOrder(table) + ") FROM "
                + sql.from(table.ref()) + where(table) + " GROUP BY " + groups + " HAVING count(*) > 1 LIMIT " + limit);
    }

    /** PostgreSQL's usual collations are deterministic: strings equal under them are equal byte for byte. */
    @Override
    public boolean mergesDistinctKeys(Column column) {
        return false;
    }

    @Override
    public PreparedStatement streaming(Connection connection, SqlStatement statement) throws SQLException {
        return PostgresRows.streaming(connection, statement);
    }

    private String byteOrder(SideTable table) {
        StringJoiner order = new StringJoiner(", ");
        for (Column c : table.key()) {
            order.add(c.kind() == ColumnKind.TEXT ? PostgresSql.bytes(sql.quote(c.name())) : sql.quote(c.name()));
        }
        return order.toString();
    }

    private static String where(SideTable table) {
        return table.where() == null ? "" : " WHERE (" + table.where() + ")";
    }
}
