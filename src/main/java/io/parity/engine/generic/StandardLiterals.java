package io.parity.engine.generic;

import io.parity.schema.Column;
import io.parity.schema.ColumnKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Exact SQL literals in standard syntax, as H2 parses them:
 *
 * <ul>
 *   <li>text: {@code 'it''s'} when printable ASCII, else a Unicode escape string {@code U&'caf\00e9 \+01f600'}, so
 *       control characters, NUL and 4-byte characters survive any file encoding or client;</li>
 *   <li>binary: {@code X'6100'}, trailing zero bytes included;</li>
 *   <li>DOUBLE: {@code CAST(0.1 AS DOUBLE PRECISION)} with Java's shortest round-trip text; the cast matters, because a
 *       bare {@code 0.1} is an exact decimal and would compare unequal to the stored double in a guard; REAL the
 *       same with {@code REAL}; NaN and infinities by name;</li>
 *   <li>DECIMAL: plain text, scale kept; temporal values as {@code DATE '…'}, {@code TIME '…'},
 *       {@code TIMESTAMP '…'} and {@code TIMESTAMP WITH TIME ZONE '…'} with every fractional digit.</li>
 * </ul>
 */
final class StandardLiterals {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS");
    private static final DateTimeFormatter TIMESTAMP_TZ = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSSxxx");
    private static final DateTimeFormatter TIME_TZ = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSSxxx");

    private StandardLiterals() {
    }

    static String of(Column column, Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "X'" + HexFormat.of().formatHex(bytes) + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Float f) {
            return floating(f.doubleValue(), "REAL");
        }
        if (value instanceof Double d) {
            return floating(d, "DOUBLE PRECISION");
        }
        if (value instanceof LocalDateTime t) {
            return "TIMESTAMP '" + TIMESTAMP.format(t) + "'";
        }
        if (value instanceof OffsetDateTime t) {
            return "TIMESTAMP WITH TIME ZONE '" + TIMESTAMP_TZ.format(t) + "'";
        }
        if (value instanceof LocalDate d) {
            return "DATE '" + d + "'";
        }
        if (value instanceof LocalTime t) {
            return "TIME '" + TIME.format(t) + "'";
        }
        if (value instanceof OffsetTime t) {
            return "TIME WITH TIME ZONE '" + TIME_TZ.format(t) + "'";
        }
        if (value instanceof String s) {
            return column.kind() == ColumnKind.JSON ? text(s) + " FORMAT JSON" : text(s);
        }
        return value.toString(); // Long, BigInteger
    }

    /** A key value as read by the dialect: temporal keys are text and get their type's literal prefix. */
    static String ofKey(Column column, Object value) {
        if (column.kind() == ColumnKind.TEMPORAL && value instanceof String s) {
            String type = column.columnType().toUpperCase(Locale.ROOT);
            String prefix = type.startsWith("TIMESTAMP") ? "TIMESTAMP" : type.startsWith("TIME") ? "TIME" : "DATE";
            return prefix + (type.contains("WITH TIME ZONE") ? " WITH TIME ZONE" : "") + " '" + s + "'";
        }
        return of(column, value);
    }

    private static String floating(double d, String type) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "CAST('" + (Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity") + "' AS " + type + ")";
        }
        return "CAST(" + Double.toString(d) + " AS " + type + ")";
    }

    static String text(String s) {
        boolean plain = s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (plain) {
            return "'" + s.replace("'", "''") + "'";
        }
        StringBuilder out = new StringBuilder("U&'");
        s.codePoints().forEach(cp -> {
            if (cp == '\'') {
                out.append("''");
            } else if (cp == '\\') {
                out.append("\\\\");
            } else if (cp >= 0x20 && cp <= 0x7e) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xffff) {
                out.append(String.format("\\%04x", cp));
            } else {
                out.append(String.format("\\+%06x", cp));
            }
        });
        return out.append('\'').toString();
    }
}
