package io.parity.schema;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical form a column's values are compared in when the two sides declare different types of one family, so
 * that a widened column compares equal where its values are equal and a narrowed one reports every value it changed:
 *
 * <ul>
 *   <li>{@link Kind#AS_STORED}: the value as its type prints it (the two sides have the same type);</li>
 *   <li>{@link Kind#EXACT_DECIMAL}: integers and decimals as exact decimals without trailing fractional zeros
 *       ({@code 1.50} and {@code 1.5000} are {@code 1.5}; {@code 100} stays {@code 100});</li>
 *   <li>{@link Kind#DATETIME}: dates, datetimes and timestamps at the finer of the two precisions
 *       ({@code 10:00:00} and {@code 10:00:00.000} are one value; {@code .123456} truncated to {@code .000000} is
 *       not);</li>
 *   <li>{@link Kind#TIME}: times of day at the finer of the two precisions;</li>
 *   <li>{@link Kind#SIX_DIGITS}: single-precision floats rounded to the six significant digits MySQL prints, the form
 *       migration tools carry a MySQL {@code FLOAT} through to another engine (a schema finding says so).</li>
 * </ul>
 *
 * @param kind      the family's canonical form
 * @param precision fractional digits of seconds for temporal forms, else 0
 */
public record ValueForm(Kind kind, int precision) {

    public enum Kind { AS_STORED, EXACT_DECIMAL, DATETIME, TIME, SIX_DIGITS }

    public static final ValueForm AS_STORED = new ValueForm(Kind.AS_STORED, 0);

    private static final Pattern PRECISION = Pattern.compile("\\((\\d+)\\)");

    /**
     * The form that makes {@code a} and {@code b} (one column on each side) compare as values, or {@link #AS_STORED}
     * when their types are equal or of families with no common form.
     */
    public static ValueForm common(Column a, Column b) {
        if (a.columnType().equalsIgnoreCase(b.columnType())) {
            return AS_STORED;
        }
        if (numeric(a) && numeric(b) && (a.kind() == ColumnKind.DECIMAL || b.kind() == ColumnKind.DECIMAL)) {
            return new ValueForm(Kind.EXACT_DECIMAL, 0);
        }
        if (a.kind() == ColumnKind.TEMPORAL && b.kind() == ColumnKind.TEMPORAL) {
            String ta = base(a);
            String tb = base(b);
            int p = Math.max(precision(a), precision(b));
            if (ta.equals("time") && tb.equals("time")) {
                return new ValueForm(Kind.TIME, p);
            }
            if (dateLike(ta) && dateLike(tb)) {
                return new ValueForm(Kind.DATETIME, p);
            }
        }
        return AS_STORED;
    }

    private static boolean numeric(Column c) {
        return c.kind() == ColumnKind.INTEGER || c.kind() == ColumnKind.DECIMAL;
    }

    private static boolean dateLike(String type) {
        return type.equals("date") || type.equals("datetime") || type.startsWith("timestamp");
    }

    /** The type name without precision or modifiers: {@code datetime}, {@code time}, {@code timestamp}. */
    static String base(Column c) {
        String t = c.columnType().toLowerCase(Locale.ROOT).trim();
        int cut = t.indexOf('(');
        return (cut < 0 ? t.split(" ")[0] : t.substring(0, cut)).trim();
    }

    /** Fractional digits of seconds a temporal type keeps: {@code datetime(3)} 3, {@code datetime} 0. */
    static int precision(Column c) {
        Matcher m = PRECISION.matcher(c.columnType());
        if (m.find()) {
            return Math.min(9, Integer.parseInt(m.group(1)));
        }
        // PostgreSQL writes its default precision (microseconds) without a number: "timestamp without time zone"
        return c.columnType().toLowerCase(Locale.ROOT).contains(" time zone") ? 6 : 0;
    }
}
