package io.parity.engine.mysql;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.RowImage;
import io.parity.engine.RowQueries;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * Rows in the canonical encoding: key, sort weights, then each column as {@code CONCAT(<canonical>)}, so every value
 * arrives as the server's text (or bytes) in the text protocol, exactly what the checksum encodes.
 */
class MySqlRows implements RowQueries {

    private final MySqlSql sql;
    private final MySqlEncoding encoding;

    MySqlRows(MySqlSql sql, MySqlEncoding encoding) {
        this.sql = sql;
        this.encoding = encoding;
    }

    @Override
    public SqlStatement rows(SideTable table, KeyRange range) {
        return sql.ordered(table, range, select(table));
    }

    @Override
    public SqlStatement rowsByKeys(SideTable table, List<KeyValues> keys) {
        return sql.byKeys(table, keys, select(table));
    }

    @Override
    public SqlStatement rowByKey(SideTable table, KeyValues key) {
        return sql.byKey(table, key, select(table));
    }

    private String select(SideTable table) {
        StringJoiner select = sql.keySelect(table, false);
        table.columns().forEach(c -> select.add("CONCAT(" + encoding.canonical(c) + ")"));
        return select.toString();
    }

    @Override
    public RowImage readRow(ResultSet rs, SideTable table) throws SQLException {
        KeyValues key = sql.keys().read(rs, table);
        byte[][] weights = MySqlSql.weights(rs, table);
        int index = MySqlSql.keyColumnCount(table);
        byte[][] values = new byte[table.columns().size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getBytes(++index);
        }
        return new RowImage(key, weights, values);
    }
}
