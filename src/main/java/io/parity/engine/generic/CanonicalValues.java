package io.parity.engine.generic;

import io.parity.schema.Column;
import io.parity.schema.ValueForm;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A column value as the exact bytes both sides must agree on, read through JDBC rather than computed by the server:
 *
 * <ul>
 *   <li>DOUBLE and REAL: Java's shortest round-trip text of the (widened) double, unique per bit pattern, so a
 *       last-digit change shows; {@code -0.0} differs from {@code 0.0};</li>
 *   <li>DECIMAL: {@link BigDecimal#toPlainString()}, which keeps the scale ({@code 1.50} differs from {@code 1.5});</li>
 *   <li>DATE, TIME, TIMESTAMP: the {@code java.time} ISO text with every fractional digit; TIMESTAMP WITH TIME ZONE
 *       as its instant in UTC, so the same instant written with two offsets is equal (like MySQL's TIMESTAMP);</li>
 *   <li>text: the UTF-8 bytes of the Java string, so case and trailing spaces count;</li>
 *   <li>binary: the bytes, trailing {@code 0x00} included; BOOLEAN: {@code 1} or {@code 0}.</li>
 * </ul>
 *
 * Null stays null: the row encoding marks it separately from an empty value.
 */
final class CanonicalValues {

    private CanonicalValues() {
    }

    static byte[] read(ResultSet rs, int index, Column column) throws SQLException {
        if (column.kind() == io.parity.schema.ColumnKind.BINARY) {
            return rs.getBytes(index);
        }
        String text = text(rs, index, column);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ResultSet rs, int index, Column column) throws SQLException {
        return switch (column.kind()) {
            case INTEGER -> {
                Object v = rs.getObject(index);
                yield v == null ? null : v.toString();
            }
            case DECIMAL -> {
                BigDecimal d = rs.getBigDecimal(index);
                yield d == null ? null : column.form().kind() == ValueForm.Kind.EXACT_DECIMAL
                        ? d.stripTrailingZeros().toPlainString() : d.toPlainString();
            }
            case FLOAT -> {
                float f = rs.getFloat(index);
                yield rs.wasNull() ? null : Double.toString(f);
            }
            case DOUBLE -> {
                double d = rs.getDouble(index);
                yield rs.wasNull() ? null : Double.toString(d);
            }
            case BIT -> {
                boolean b = rs.getBoolean(index);
                yield rs.wasNull() ? null : b ? "1" : "0";
            }
            case TEMPORAL -> temporal(rs, index, column);
            case TEXT, JSON -> rs.getString(index);
            default -> throw new IllegalStateException("column " + column.name() + " has unsupported type "
                    + column.columnType());
        };
    }

    private static String temporal(ResultSet rs, int index, Column column) throws SQLException {
        Object value = temporalObject(rs, index, column);
        if (value != null && column.form().kind() != ValueForm.Kind.AS_STORED) {
            return atPrecision(value, column.form());
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant().toString();
        }
        return value == null ? null : value.toString();
    }

    /**
     * A date, date-time or time at a fixed precision, the form two sides of different temporal types compare in:
     * {@code 2024-01-01 10:00:00.000} for a date-time at 3 digits, midnight for a date, UTC for an instant.
     */
    static String atPrecision(Object value, ValueForm form) {
        String fraction = form.precision() == 0 ? "" : "." + "S".repeat(form.precision());
        if (form.kind() == ValueForm.Kind.TIME) {
            LocalTime time = value instanceof OffsetTime t ? t.withOffsetSameInstant(java.time.ZoneOffset.UTC)
                    .toLocalTime() : (LocalTime) value;
            return DateTimeFormatter.ofPattern("HH:mm:ss" + fraction).format(time);
        }
        LocalDateTime at = value instanceof LocalDate d ? d.atStartOfDay()
                : value instanceof OffsetDateTime o ? o.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime()
                : (LocalDateTime) value;
        return DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss" + fraction).format(at);
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
