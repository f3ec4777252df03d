package io.parity.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/** A table on one side, by schema (database) and name. */
public record TableRef(String schema, String table) implements Comparable<TableRef> {

    /** Parses {@code schema.table}, or {@code table} in {@code defaultSchema}. */
    public static TableRef parse(String text, String defaultSchema) {
        int dot = text.indexOf('.');
        return dot < 0 ? new TableRef(defaultSchema, text) : new TableRef(text.substring(0, dot), text.substring(dot + 1));
    }

    /** Matches a {@code schema.table} glob with {@code *} and {@code ?}, case-insensitively like MySQL on most systems. */
    public boolean matches(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.matches(regex.toString(), toString().toLowerCase(Locale.ROOT));
    }

    /**
     * This table's name under a target pattern: each {@code *} of {@code target} takes what the {@code *} at the same
     * place in {@code glob} matched, in order ({@code shop.*} and {@code shop_v2.*} turn {@code shop.orders} into
     * {@code shop_v2.orders}; {@code *.legacy_*} and {@code *.*} turn {@code a.legacy_t} into {@code a.t}). Case is
     * kept as the table has it.
     */
    public String rename(String glob, String target) {
        StringBuilder regex = new StringBuilder("(?i)");
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? "(.*?)" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        java.util.regex.Matcher m = Pattern.compile(regex + "$").matcher(toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(this + " does not match " + glob);
        }
        StringBuilder out = new StringBuilder();
        int group = 0;
        for (char c : target.toCharArray()) {
            out.append(c == '*' ? m.group(Math.min(++group, m.groupCount())) : String.valueOf(c));
        }
        return out.toString();
    }

    @Override
    public int compareTo(TableRef o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
