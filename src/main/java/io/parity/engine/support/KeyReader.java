package io.parity.engine.support;

import io.parity.core.KeyValues;
import io.parity.schema.Column;
import io.parity.schema.SideTable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a row's key from its first columns as values that bind back exactly and order like the server: integers as
 * {@link Long} (or {@link BigInteger} beyond it), DECIMAL as {@link BigDecimal}, FLOAT and DOUBLE as {@link Double},
 * binary as bytes, everything else (text, and temporal values unless an engine says otherwise) as the server's text.
 */
public class KeyReader {

    public KeyValues read(ResultSet rs, SideTable table) throws SQLException {
        List<Object> values = new ArrayList<>(table.key().size());
        for (int i = 0; i < table.key().size(); i++) {
            values.add(value(rs, i + 1, table.key().get(i)));
        }
        return KeyValues.of(values);
    }

    protected Object value(ResultSet rs, int index, Column column) throws SQLException {
        return switch (column.kind()) {
            case INTEGER -> {
                Object v = rs.getObject(index);
                yield v instanceof BigInteger big ? big : v instanceof BigDecimal d ? d.toBigIntegerExact()
                        : ((Number) v).longValue();
            }
            case DECIMAL -> rs.getBigDecimal(index);
            case FLOAT, DOUBLE -> rs.getDouble(index);
            case BINARY -> rs.getBytes(index);
            case TEMPORAL -> temporal(rs, index, column);
            default -> rs.getString(index);
        };
    }

    /** Temporal keys stay in the server's text, which binds back exactly and sorts like the server. */
    protected Object temporal(ResultSet rs, int index, Column column) throws SQLException {
        return rs.getString(index);
    }
}
