package io.parity.engine.generic;

import io.parity.engine.support.PortableValues;
import io.parity.schema.Column;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Locale;

/**
 * A column value read through JDBC as the value the driver carries exactly, made canonical by the portable encoding
 * ({@link PortableValues}): integers as their exact numbers, DECIMAL as {@link BigDecimal}, REAL as a float, DOUBLE
 * as a double, BOOLEAN as a boolean, temporal values as {@code java.time} values chosen by the declared type (an
 * instant with its offset, converted to UTC), text and JSON as strings, binary as bytes.
 */
final class CanonicalValues {

    private CanonicalValues() {
    }

    static byte[] read(ResultSet rs, int index, Column column) throws SQLException {
        return PortableValues.of(column, raw(rs, index, column));
    }

    static Object raw(ResultSet rs, int index, Column column) throws SQLException {
        Object v = switch (column.kind()) {
            case INTEGER -> rs.getObject(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case FLOAT -> rs.getFloat(index);
            case DOUBLE -> rs.getDouble(index);
            case BIT -> rs.getBoolean(index);
            case TEMPORAL -> temporalObject(rs, index, column);
            case TEXT, JSON -> rs.getString(index);
            case BINARY -> rs.getBytes(index);
            default -> throw new IllegalStateException("column " + column.name() + " has unsupported type "
                    + column.columnType());
        };
        return rs.wasNull() ? null : v;
    }

    /** The {@code java.time} value of a temporal column, chosen by its declared type; also used for repair literals. */
    static Object temporalObject(ResultSet rs, int index, Column column) throws SQLException {
        String type = column.columnType().toUpperCase(Locale.ROOT);
        boolean zoned = type.contains("WITH TIME ZONE");
        if (type.startsWith("TIMESTAMP")) {
            return zoned ? rs.getObject(index, OffsetDateTime.class) : rs.getObject(index, LocalDateTime.class);
        }
        if (type.startsWith("TIME")) {
            return zoned ? rs.getObject(index, OffsetTime.class) : rs.getObject(index, LocalTime.class);
        }
        if (type.startsWith("DATE")) {
            return rs.getObject(index, LocalDate.class);
        }
        return rs.getString(index);
    }
}
