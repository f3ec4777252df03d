package io.parity.engine.mysql;

import io.parity.core.KeyValues;
import io.parity.core.RowImage;
import io.parity.engine.KeyBytesRows;
import io.parity.engine.support.KeyReader;
import io.parity.engine.support.KeysetRows;
import io.parity.engine.support.PortableValues;
import io.parity.schema.Column;
import io.parity.schema.SideTable;
import io.parity.schema.ValueForm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * MySQL and MariaDB rows in the portable encoding, for comparing with another engine: the key and its sort weights,
 * then each column as the driver carries it exactly (temporal values and BIT as the server's text and number, FLOAT
 * through DOUBLE), made canonical in Java by {@link PortableValues}. Temporal keys are read in the portable text
 * form too, so they order and compare like the other engine's.
 *
 * <pre>
 * SELECT `id`, `id`, `name`, CAST(`born` AS CHAR), CAST(`ratio` AS DOUBLE), (`flags` + 0) FROM `shop`.`people` ...
 * </pre>
 */
class MySqlPortableRows extends KeysetRows {

    private final MySqlSql mysql;
    private final KeyReader keys = new PortableKeyReader();

    MySqlPortableRows(MySqlSql sql) {
        super(sql);
        this.mysql = sql;
    }

    @Override
    protected String select(SideTable table) {
        StringJoiner select = mysql.keySelect(table, false);
        table.columns().forEach(c -> select.add(raw(c)));
        return select.toString();
    }

    /** The column as read for the portable encoding. */
    String raw(Column c) {
        String q = mysql.quote(c.name());
        return switch (c.kind()) {
            case TEMPORAL -> "CAST(" + q + " AS CHAR)";
            case BIT -> "(" + q + " + 0)";
            case FLOAT -> mysql.widenedFloat(q);
            default -> q;
        };
    }

    @Override
    public RowImage readRow(ResultSet rs, SideTable table) throws SQLException {
        KeyValues key = keys.read(rs, table);
        byte[][] weights = MySqlSql.weights(rs, table);
        return new RowImage(key, weights, values(rs, table, MySqlSql.keyColumnCount(table)));
    }

    /** The canonical bytes of the compared columns, which follow {@code offset} other columns. */
    static byte[][] values(ResultSet rs, SideTable table, int offset) throws SQLException {
        byte[][] values = new byte[table.columns().size()][];
        for (int i = 0; i < values.length; i++) {
            Column c = table.columns().get(i);
            int index = offset + i + 1;
            Object v = switch (c.kind()) {
                case INTEGER -> rs.getObject(index);
                case DECIMAL -> rs.getBigDecimal(index);
                case FLOAT -> (float) rs.getDouble(index);
                case DOUBLE -> rs.getDouble(index);
                case BIT -> rs.getString(index);
                case BINARY -> rs.getBytes(index);
                default -> rs.getString(index);
            };
            values[i] = PortableValues.of(c, rs.wasNull() ? null : v);
        }
        return values;
    }

    @Override
    public Optional<KeyBytesRows> keyBytesOrder() {
        return Optional.of(new MySqlKeyBytesRows(mysql, this::select));
    }

    /** Temporal keys in the portable text form: {@code 2024-01-01 10:00:00.5}, as the other engine's keys read. */
    static final class PortableKeyReader extends KeyReader {
        @Override
        protected Object temporal(ResultSet rs, int index, Column column) throws SQLException {
            String text = rs.getString(index);
            return text == null ? null : PortableValues.temporal(text, ValueForm.AS_STORED);
        }
    }
}
