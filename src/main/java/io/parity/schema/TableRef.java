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

    @Override
    public int compareTo(TableRef o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
