package io.parity.engine.mysql;

import io.parity.core.KeyValues;
import io.parity.core.RowImage;
import io.parity.engine.KeyBytesRows;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.KeysetRows;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Rows in the canonical encoding: key, sort weights, then each column as {@code CONCAT(<canonical>)}, so every value
 * arrives as the server's text (or bytes) in the text protocol, exactly what the checksum encodes.
 */
class MySqlRows extends KeysetRows {

    private final MySqlSql mysql;
    private final MySqlEncoding encoding;

    MySqlRows(MySqlSql sql, MySqlEncoding encoding) {
        super(sql);
        this.mysql = sql;
        this.encoding = encoding;
    }

    @Override
    public PreparedStatement prepareStreaming(Connection connection, SqlStatement statement) throws SQLException {
        return MySqlSql.streaming(connection, statement);
    }

    /** Keyed: the key, sort weights, then the values. Without a key: the row hash, then the values. */
    @Override
    protected String select(SideTable table) {
        StringJoiner select = table.key().isEmpty() ? new StringJoiner(", ", encoding.rowDigest(table.columns()) + ", ", "")
                : mysql.keySelect(table, false);
        table.columns().forEach(c -> select.add("CONCAT(" + encoding.canonical(c) + ")"));
        return select.toString();
    }

    /** A table without a key is read by row hash: every copy of the row. */
    @Override
    public SqlStatement rowByKey(SideTable table, KeyValues key) {
        if (!table.key().isEmpty()) {
            return super.rowByKey(table, key);
        }
        return new SqlStatement("SELECT " + select(table) + " FROM " + mysql.from(table.ref()) + " WHERE "
                + encoding.rowDigest(table.columns()) + " = ?", key.toList());
    }

    @Override
    public Optional<KeyBytesRows> keyBytesOrder() {
        return Optional.of(new MySqlKeyBytesRows(mysql, this::select));
    }

    @Override
    public RowImage readRow(ResultSet rs, SideTable table) throws SQLException {
        boolean multiset = table.key().isEmpty();
        KeyValues key = multiset ? KeyValues.of(rs.getString(1)) : mysql.keys().read(rs, table);
        byte[][] weights = MySqlSql.weights(rs, table);
        int index = multiset ? 1 : MySqlSql.keyColumnCount(table);
        byte[][] values = new byte[table.columns().size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getBytes(++index);
        }
        return new RowImage(key, weights, values);
    }
}
