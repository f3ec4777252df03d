package io.parity.engine.mysql;

import io.parity.core.RowImage;
import io.parity.engine.support.KeyReader;
import io.parity.engine.support.StandardSql;
import io.parity.schema.Column;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * MySQL's spelling of the shared SQL: backtick quoting, {@code LIMIT ?, 1}, and key lists that carry the server's sort
 * weights of collated key columns ({@code WEIGHT_STRING}), so Java merges keys in exactly the server's order.
 */
class MySqlSql extends StandardSql {

    private static final byte[][] NO_VALUES = new byte[0][];

    private final KeyReader keys = new KeyReader();
    private final MySqlCapabilities capabilities;

    MySqlSql(MySqlCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    MySqlCapabilities capabilities() {
        return capabilities;
    }

    /**
     * A FLOAT column widened to DOUBLE, exactly: the server's FLOAT text keeps six digits and would round the value.
     * {@code CAST(f AS DOUBLE)} where the server has it, else {@code (f * 1e0)}: the same double, and the same text
     * (the literal with an exponent makes the product a DOUBLE without fixed decimals, as the cast is).
     */
    String widenedFloat(String quoted) {
        return capabilities.castAsDouble() ? "CAST(" + quoted + " AS DOUBLE)" : "(" + quoted + " * 1e0)";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    protected String offsetOne() {
        return " LIMIT ?, 1";
    }

    /** Connector/J streams a result row by row, instead of reading it all first, only with this fetch size. */
    static PreparedStatement streaming(Connection connection, io.parity.engine.SqlStatement statement)
            throws SQLException {
        PreparedStatement ps = connection.prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(Integer.MIN_VALUE);
        statement.bind(ps);
        return ps;
    }

    KeyReader keys() {
        return keys;
    }

    /**
     * The key columns, then the sort weights of collated ones. With {@code keysAsText}, key columns other than numbers
     * and bytes are read through {@code CONCAT}, so they arrive as the server's text in the binary protocol too and
     * bind back exactly.
     */
    StringJoiner keySelect(SideTable table, boolean keysAsText) {
        StringJoiner select = new StringJoiner(", ");
        for (Column c : table.key()) {
            boolean text = keysAsText && switch (c.kind()) {
                case INTEGER, DECIMAL, FLOAT, DOUBLE, BINARY -> false;
                default -> true;
            };
            select.add(text ? "CONCAT(" + quote(c.name()) + ")" : quote(c.name()));
        }
        table.key().stream().filter(Column::collated).forEach(c -> select.add("WEIGHT_STRING(" + quote(c.name()) + ")"));
        return select;
    }

    /** How many columns {@link #keySelect} puts before the values. */
    static int keyColumnCount(SideTable table) {
        return table.key().size() + (int) table.key().stream().filter(Column::collated).count();
    }

    /** The key and sort weights at the start of a row laid out by {@link #keySelect}, without values. */
    RowImage keyImage(ResultSet rs, SideTable table) throws SQLException {
        return new RowImage(keys.read(rs, table), weights(rs, table), NO_VALUES);
    }

    /** The sort weights that follow the key columns (null for columns that are not collated). */
    static byte[][] weights(ResultSet rs, SideTable table) throws SQLException {
        byte[][] weights = new byte[table.key().size()][];
        int index = table.key().size();
        for (int i = 0; i < table.key().size(); i++) {
            if (table.key().get(i).collated()) {
                weights[i] = rs.getBytes(++index);
            }
        }
        return weights;
    }
}
