package io.parity.engine.postgres;

import io.parity.engine.support.PortableValues;
import io.parity.schema.Column;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * How a PostgreSQL value is read exactly, before {@link PortableValues} makes it canonical: integers as longs,
 * {@code numeric} as its exact text ({@code NaN} and infinities stay text), {@code real} as a float and
 * {@code double precision} as a double, {@code boolean} as a boolean, temporal values as the server prints them under
 * the pinned session (ISO, UTC), {@code uuid} as a {@link UUID}, {@code bytea} as bytes, and everything else as text.
 * {@code character(n)} drops its padding, which PostgreSQL itself ignores in comparisons (MySQL's CHAR never shows it).
 */
final class PostgresValues {

    private PostgresValues() {
    }

    static Object raw(ResultSet rs, int index, Column column) throws SQLException {
        Object v = switch (column.kind()) {
            case INTEGER -> rs.getLong(index);
            case DECIMAL -> decimal(rs.getString(index));
            case FLOAT -> rs.getFloat(index);
            case DOUBLE -> rs.getDouble(index);
            case BIT -> rs.getBoolean(index);
            case BINARY -> uuid(column) ? rs.getObject(index, UUID.class) : rs.getBytes(index);
            case TEXT -> text(rs.getString(index), column);
            default -> rs.getString(index);
        };
        return rs.wasNull() ? null : v;
    }

    static byte[] canonical(ResultSet rs, int index, Column column) throws SQLException {
        return PortableValues.of(column, raw(rs, index, column));
    }

    static boolean uuid(Column column) {
        return column.columnType().equalsIgnoreCase("uuid");
    }

    /** {@code character(n)}, PostgreSQL's blank-padded type. */
    static boolean blankPadded(Column column) {
        String type = column.columnType().toLowerCase(Locale.ROOT);
        return type.equals("character") || type.startsWith("character(") || type.equals("bpchar");
    }

    static String text(String value, Column column) {
        if (value == null || !blankPadded(column)) {
            return value;
        }
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }

    private static Object decimal(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text; // NaN, Infinity
        }
    }
}
