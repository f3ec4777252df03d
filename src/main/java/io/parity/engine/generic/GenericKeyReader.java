package io.parity.engine.generic;

import io.parity.engine.support.KeyReader;
import io.parity.schema.Column;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Temporal keys as fixed-width text (nine fractional digits), so that text order is time order within a column and
 * the text binds back to the column's type.
 */
final class GenericKeyReader extends KeyReader {

    private static final DateTimeFormatter KEY_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS");
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS");

    @Override
    protected Object temporal(ResultSet rs, int index, Column column) throws SQLException {
        Object value = CanonicalValues.temporalObject(rs, index, column);
        if (value instanceof LocalDateTime t) {
            return KEY_TIMESTAMP.format(t);
        }
        if (value instanceof LocalTime t) {
            return KEY_TIME.format(t);
        }
        return value.toString();
    }
}
