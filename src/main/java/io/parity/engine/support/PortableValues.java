package io.parity.engine.support;

import io.parity.schema.Column;
import io.parity.schema.ValueForm;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portable canonical encoding: one value per type family, computed in Java from what any engine's driver returns,
 * so that two engines (MySQL or MariaDB against PostgreSQL, or H2) produce the same bytes for the same value whatever
 * types the migration mapped it to. Each engine reads a column's value the way its driver carries it exactly (see the
 * engines' {@code readRow}); this class turns it into the bytes every side hashes and compares:
 *
 * <ul>
 *   <li>integers (and booleans, and BIT values): the decimal digits of the exact integer, so {@code TINYINT(1)} 1 and
 *       {@code boolean} true are both {@code 1}, and {@code BIGINT UNSIGNED} 2^64-1 and {@code numeric(20)} agree;</li>
 *   <li>exact decimals: the plain digits without trailing fractional zeros ({@code 1.50} and {@code 1.5000} are
 *       {@code 1.5}; {@code 100} stays {@code 100}), so a column's declared scale does not matter, its value does;</li>
 *   <li>DOUBLE: Java's round-trip text of the double, one text per bit pattern; FLOAT (single precision): the widened
 *       value's text, or, where the two sides map single precision through MySQL's six-digit text
 *       ({@link ValueForm.Kind#SIX_DIGITS}), the value rounded to six significant digits;</li>
 *   <li>temporal values: {@code 2024-01-31 10:00:00.25} (instants in UTC), fractional digits without trailing zeros
 *       and without the point when none are left, so {@code DATETIME(0)}, {@code DATETIME(6)} and
 *       {@code timestamp(3)} agree where their values do; a date compared with a date-time is taken at midnight;
 *       values no calendar type of the other side has (MySQL's zero dates, PostgreSQL's {@code infinity}) stay as
 *       the server wrote them, and therefore differ;</li>
 *   <li>text (and ENUM and SET values): the UTF-8 bytes of the characters, so case and trailing spaces count;</li>
 *   <li>bytes: as stored, trailing {@code 0x00} included; a UUID as its 16 bytes, which a {@code BINARY(16)} holding
 *       the same UUID equals;</li>
 *   <li>JSON: a normal form: object keys in code point order without duplicates (the last wins, as both engines
 *       keep it), no insignificant whitespace, numbers as exact decimals without trailing zeros ({@code 15.0} and
 *       {@code 15} and {@code 1.5e1} are {@code 15}).</li>
 * </ul>
 *
 * Null stays null: the row encoding ({@link io.parity.core.RowHasher}) marks it apart from an empty value.
 */
public final class PortableValues {

    /** The name two engines must share to compare rows: see {@link io.parity.engine.ChecksumQueries#encoding()}. */
    public static final String ENCODING = "portable-v1";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    /**
     * A date, then optionally a time of day (seconds may be missing, as in {@code LocalTime.toString()}), its fraction
     * and a zero zone offset (sessions pin UTC, so instants print with {@code +00}); other offsets do not match.
     */
    private static final Pattern TEMPORAL = Pattern.compile(
            "(-?\\d{4,}-\\d{2}-\\d{2})?(?:[ T]?(-?\\d{2,3}:\\d{2}(?::\\d{2})?)(?:\\.(\\d*))?)?(?:Z|[+-]00(?::?00)?)?");

    private PortableValues() {
    }

    /**
     * The canonical bytes of {@code raw} for {@code column}, or null for SQL NULL. {@code raw} is what the engine read:
     * a {@link Number}, {@link Boolean}, {@link String} (text, JSON, and temporal values as the server prints them),
     * {@code byte[]}, {@link UUID} or a {@code java.time} value.
     */
    public static byte[] of(Column column, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof byte[] bytes) {
            return bytes;
        }
        if (raw instanceof UUID uuid) {
            return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
        }
        return text(column, raw).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Column column, Object raw) {
        if (raw instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return switch (column.kind()) {
            case INTEGER, BIT -> raw instanceof BigDecimal d ? d.toBigIntegerExact().toString() : raw.toString();
            case DECIMAL -> raw instanceof BigDecimal d ? decimal(d) : raw.toString();
            case FLOAT, DOUBLE -> floating(column, ((Number) raw).doubleValue(), raw instanceof Float);
            case TEMPORAL -> temporal(raw, column.form());
            case JSON -> json(raw.toString());
            default -> raw.toString();
        };
    }

    /** Plain digits without trailing fractional zeros; zero is {@code 0}. */
    public static String decimal(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 && stripped.precision() - stripped.scale() > 4096 ? stripped.toString()
                : stripped.toPlainString();
    }

    private static String floating(Column column, double value, boolean single) {
        if (column.form().kind() == ValueForm.Kind.SIX_DIGITS) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Double.toString(value);
            }
            return decimal(new BigDecimal((float) value).round(new MathContext(6, RoundingMode.HALF_EVEN)));
        }
        return single ? Double.toString((float) value) : Double.toString(value);
    }

    /** A temporal value in the portable form (see the class comment). */
    public static String temporal(Object raw, ValueForm form) {
        String text;
        if (raw instanceof OffsetDateTime t) {
            text = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
        } else if (raw instanceof OffsetTime t) {
            text = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().toString();
        } else if (raw instanceof LocalDateTime || raw instanceof LocalDate || raw instanceof LocalTime) {
            text = raw.toString();
        } else {
            text = raw.toString().trim();
        }
        String common = commonTemporal(text, form);
        return common != null ? common : temporalByPattern(text, form);
    }

    /**
     * The canonical form of the shapes servers print nearly every value in, {@code YYYY-MM-DD}, {@code YYYY-MM-DD
     * HH:MM:SS[.fraction]} (or with {@code T}) and {@code HH:MM:SS[.fraction]}, without the pattern: matching it took
     * a fifth of Parity's CPU comparing MariaDB with PostgreSQL. Exactly what {@link #temporalByPattern} makes of the
     * same text (PortableValuesTest); null for any other shape, which is left to it.
     */
    static String commonTemporal(String text, ValueForm form) {
        int n = text.length();
        if (n == 10 && isDate(text, 0)) {
            return form.kind() == ValueForm.Kind.DATETIME ? text + " 00:00:00" : text;
        }
        if (n >= 19 && isDate(text, 0) && (text.charAt(10) == ' ' || text.charAt(10) == 'T') && isTime(text, 11)) {
            return fraction(text, 19, text.substring(0, 10) + ' ' + text.substring(11, 19));
        }
        if (n >= 8 && isTime(text, 0)) {
            return fraction(text, 8, text.substring(0, 8));
        }
        return null;
    }

    /** {@code whole} and the fraction after {@code at} without trailing zeros, or null unless the rest is one. */
    private static String fraction(String text, int at, String whole) {
        int n = text.length();
        if (at == n) {
            return whole;
        }
        if (text.charAt(at) != '.') {
            return null;
        }
        int end = n;
        for (int i = at + 1; i < n; i++) {
            if (!isDigit(text.charAt(i))) {
                return null;
            }
        }
        while (end > at + 1 && text.charAt(end - 1) == '0') {
            end--;
        }
        return end == at + 1 ? whole : whole + text.substring(at, end);
    }

    private static boolean isDate(String t, int i) {
        return digits(t, i, 4) && t.charAt(i + 4) == '-' && digits(t, i + 5, 2) && t.charAt(i + 7) == '-'
                && digits(t, i + 8, 2);
    }

    private static boolean isTime(String t, int i) {
        return digits(t, i, 2) && t.charAt(i + 2) == ':' && digits(t, i + 3, 2) && t.charAt(i + 5) == ':'
                && digits(t, i + 6, 2);
    }

    private static boolean digits(String t, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@link #temporal} by {@link #TEMPORAL}: every shape, including the ones {@link #commonTemporal} leaves. */
    static String temporalByPattern(String text, ValueForm form) {
        Matcher m = TEMPORAL.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return text; // infinity, BC dates, YEAR: as the server wrote them
        }
        String date = m.group(1);
        String time = m.group(2);
        if (time == null && date != null && form.kind() == ValueForm.Kind.DATETIME) {
            time = "00:00:00";
        }
        StringBuilder out = new StringBuilder();
        if (date != null) {
            out.append(date);
        }
        if (time != null) {
            if (date != null) {
                out.append(' ');
            }
            out.append(time.indexOf(':') == time.lastIndexOf(':') ? time + ":00" : time);
            String fraction = m.group(3) == null ? "" : m.group(3).replaceAll("0+$", "");
            if (!fraction.isEmpty()) {
                out.append('.').append(fraction);
            }
        }
        return out.toString();
    }

    /** A JSON document in the portable normal form; text that is not JSON stays as it is (and will differ). */
    public static String json(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (RuntimeException e) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>(PortableValues::compareCodePoints);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sorted.put(e.getKey(), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> items = node.values().iterator();
            while (items.hasNext()) {
                write(items.next(), out);
                if (items.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal d = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
            out.append(decimal(d));
        } else if (node.isString()) {
            string(node.stringValue(), out);
        } else {
            out.append(node.toString()); // true, false, null
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, out);
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

}
