package io.parity.engine.mysql;

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
 * SELECT &lt;key, values as MySqlRows reads them&gt; FROM `s`.`t` [WHERE (filter)]
 *  ORDER BY CAST(CONVERT(`name` USING utf8mb4) AS BINARY), `n`
 *
 * SELECT GROUP_CONCAT(QUOTE(`name`) ORDER BY CAST(CONVERT(`name` USING utf8mb4) AS BINARY) SEPARATOR ' and ')
 *   FROM `s`.`t` GROUP BY CONVERT(`name` USING utf8mb4) COLLATE utf8mb4_uca1400_ai_ci HAVING COUNT(*) &gt; 1 LIMIT 6
 * </pre>
 */
final class MySqlKeyBytesRows implements KeyBytesRows {

    private final MySqlSql sql;
    private final Function<SideTable, String> select;

    MySqlKeyBytesRows(MySqlSql sql, Function<SideTable, String> select) {
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
        StringJoiner shown = new StringJoiner(", ");
        StringJoiner groups = new StringJoiner(", ");
        for (int i = 0; i < table.key().size(); i++) {
            Column c = table.key().get(i);
            Column other = otherKey.get(i);
            shown.add("QUOTE(" + sql.quote(c.name()) + ")");
            groups.add(c.kind() == ColumnKind.TEXT && other.charset() != null && other.collation() != null
                    ? "CONVERT(" + sql.quote(c.name()) + " USING " + identifier(other.charset()) + ") COLLATE "
                    + identifier(other.collation())
                    : sql.quote(c.name()));
        }
        String key = table.key().size() == 1 ? shown.toString() : "CONCAT('(', CONCAT_WS(', ', " + shown + "), ')')";
        return SqlStatement.of("SELECT GROUP_CONCAT(" + key + " ORDER BY " + byteOrder(table) + " SEPARATOR ' and ')"
                + " FROM " + sql.from(table.ref()) + where(table) + " GROUP BY " + groups + " HAVING COUNT(*) > 1 LIMIT "
                + limit);
    }

    /** Every MySQL collation but the binary ones equates some distinct strings ({@code 'a' = 'a '} under PAD SPACE). */
    @Override
    public boolean mergesDistinctKeys(Column column) {
        return column.collation() == null || !column.collation().toLowerCase(java.util.Locale.ROOT).endsWith("_bin");
    }

    @Override
    public PreparedStatement streaming(Connection connection, SqlStatement statement) throws SQLException {
        return MySqlSql.streaming(connection, statement);
    }

    private String byteOrder(SideTable table) {
        StringJoiner order = new StringJoiner(", ");
        for (Column c : table.key()) {
            order.add(c.kind() == ColumnKind.TEXT ? "CAST(CONVERT(" + sql.quote(c.name()) + " USING utf8mb4) AS BINARY)"
                    : sql.quote(c.name()));
        }
        return order.toString();
    }

    private static String where(SideTable table) {
        return table.where() == null ? "" : " WHERE (" + table.where() + ")";
    }

    /** Character set and collation names come from the catalog; only letters, digits and underscores are kept. */
    private static String identifier(String name) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("unexpected character set or collation name: " + name);
        }
        return name;
    }
}
