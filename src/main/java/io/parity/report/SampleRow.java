package io.parity.report;

import java.util.List;

/**
 * One differing row as the report shows it: its values on both sides, read fresh when the report was written, as
 * display text (null for SQL NULL). A side without the row has no values.
 *
 * @param source      values in {@code columns} order, or null when the source has no row with this key
 * @param destination values in {@code columns} order, or null when the destination has no row with this key
 * @param differing   the columns the run found different
 * @param text        the columns whose values are text, shown between quotes so '' and trailing spaces are visible
 */
public record SampleRow(String tableId, String kind, String key, List<String> columns, List<String> source,
                        List<String> destination, List<String> differing, List<String> text) {

    public SampleRow {
        columns = List.copyOf(columns);
        source = source == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(source));
        destination = destination == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(destination));
        differing = List.copyOf(differing);
        text = List.copyOf(text);
    }
}
