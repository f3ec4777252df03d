package io.parity.schema;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column's type on one engine carries every value of its type on another, under the mapping migration tools
 * apply between MySQL or MariaDB and PostgreSQL: ENUM and SET to text, {@code TINYINT(1)} to boolean, {@code DATETIME(n)}
 * to {@code timestamp(n)}, {@code TIMESTAMP(n)} to {@code timestamptz(n)}, VARBINARY and BLOB to {@code bytea},
 * {@code BINARY(16)} to {@code uuid}, JSON to {@code jsonb}, DECIMAL to {@code numeric}, DOUBLE to
 * {@code double precision}, unsigned integers to the next wider signed type. Such a mapping is no finding: the values
 * are compared in the portable encoding, where equal values are equal bytes. A mapping that can lose values (a
 * narrower integer, fewer fractional digits, a shorter string, single-precision floats) is a finding with its reason,
 * and rows are still compared value by value.
 */
public final class TypeMapping {

    private static final Pattern NUMBERS = Pattern.compile("\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)");

    private TypeMapping() {
    }

    /** Why {@code destination}'s type may not hold every value of {@code source}'s, or empty when it does. */
    public static Optional<String> loss(Column source, Column destination) {
        String s = source.columnType() + " on the source, " + destination.columnType() + " on the destination";
        ColumnKind a = source.kind();
        ColumnKind b = destination.kind();
        if (a == ColumnKind.FLOAT || b == ColumnKind.FLOAT) {
            return Optional.of(s + ": single-precision floats cross engines through MySQL's six-digit text, so values"
                    + " are compared to six significant digits");
        }
        if (integral(a) && integral(b)) {
            int need = bits(source);
            int have = bits(destination);
            return need <= have ? Optional.empty()
                    : Optional.of(s + ": the destination holds " + have + "-bit signed integers, the source needs "
                    + need + " bits");
        }
        if (a == ColumnKind.DECIMAL && b == ColumnKind.DECIMAL) {
            int[] ps = precisionScale(source);
            int[] pd = precisionScale(destination);
            if (pd == null || ps != null && pd[0] - pd[1] >= ps[0] - ps[1] && pd[1] >= ps[1]) {
                return Optional.empty();
            }
            return Optional.of(s + ": fewer digits on the destination; values that need them are reported changed");
        }
        if (a == ColumnKind.INTEGER && b == ColumnKind.DECIMAL || a == ColumnKind.DECIMAL && b == ColumnKind.INTEGER) {
            int[] p = precisionScale(a == ColumnKind.DECIMAL ? source : destination);
            boolean integerDecimal = p == null || p[1] == 0;
            return integerDecimal ? Optional.empty()
                    : Optional.of(s + ": fractional digits and integers; compared as exact decimals");
        }
        if (a == ColumnKind.DOUBLE && b == ColumnKind.DOUBLE) {
            return Optional.empty();
        }
        if (a == ColumnKind.TEMPORAL && b == ColumnKind.TEMPORAL) {
            String ta = ValueForm.base(source);
            String tb = ValueForm.base(destination);
            if (!temporalFamily(ta).equals(temporalFamily(tb))) {
                return Optional.of(s + ": dates and date-times; a date is compared at midnight");
            }
            return ValueForm.precision(destination) >= ValueForm.precision(source) || tb.equals("date")
                    ? Optional.empty()
                    : Optional.of(s + ": fewer fractional digits of seconds on the destination");
        }
        if (a == ColumnKind.TEXT && b == ColumnKind.TEXT) {
            long ls = length(source);
            long ld = length(destination);
            return ld >= ls ? Optional.empty()
                    : Optional.of(s + ": shorter strings on the destination; longer values are reported changed");
        }
        if (a == b && (a == ColumnKind.BINARY || a == ColumnKind.JSON)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Integers and booleans ({@code TINYINT(1)} maps to {@code boolean}, compared as 0 and 1). */
    private static boolean integral(ColumnKind kind) {
        return kind == ColumnKind.INTEGER || kind == ColumnKind.BIT;
    }

    /** Signed bits a value of the type needs: an unsigned type one more than its width. */
    static int bits(Column c) {
        String t = c.columnType().toLowerCase(Locale.ROOT);
        boolean unsigned = t.contains("unsigned");
        int width;
        if (c.kind() == ColumnKind.BIT) {
            Matcher m = NUMBERS.matcher(t);
            width = t.startsWith("bool") ? 1 : m.find() ? Integer.parseInt(m.group(1)) : 1;
            return width == 1 ? 1 : width + 1;
        } else if (t.startsWith("tinyint")) {
            width = t.startsWith("tinyint(1)") && !unsigned ? 1 : 8;
            if (width == 1) {
                return 1; // TINYINT(1): a boolean by convention
            }
        } else if (t.startsWith("smallint") || t.startsWith("int2")) {
            width = 16;
        } else if (t.startsWith("mediumint")) {
            width = 24;
        } else if (t.startsWith("bigint") || t.startsWith("int8")) {
            width = 64;
        } else {
            width = 32;
        }
        return unsigned ? width + 1 : width;
    }

    private static int[] precisionScale(Column c) {
        Matcher m = NUMBERS.matcher(c.columnType());
        if (!m.find()) {
            return null; // numeric without a precision holds any value
        }
        return new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))};
    }

    private static String temporalFamily(String base) {
        return switch (base) {
            case "datetime", "timestamp", "timestamptz" -> "datetime";
            default -> base;
        };
    }

    /** Characters a text type holds; unbounded types (TEXT, {@code text}, enums, arrays) hold any. */
    private static long length(Column c) {
        String t = c.columnType().toLowerCase(Locale.ROOT);
        if (t.startsWith("enum") || t.startsWith("set") || t.contains("text") || t.endsWith("[]")
                || !t.contains("char")) {
            return Long.MAX_VALUE;
        }
        Matcher m = NUMBERS.matcher(t);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }
}
