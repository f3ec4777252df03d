package io.parity.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the spec's {@code tables:} list: either an explicit {@code name} or an {@code include} glob (with
 * optional {@code exclude} globs), plus per-table settings that apply to every table the entry selects.
 *
 * @param name             explicit {@code schema.table} (or {@code table} in the URL's database), or null
 * @param include          glob {@code schema.table} with {@code *} and {@code ?}, or null
 * @param exclude          globs removed from what {@code include} matched
 * @param target           destination {@code schema.table} or {@code table} when it differs from the source; with
 *                         {@code include}, a pattern whose {@code *}s take what the glob's {@code *}s matched
 * @param ignoreColumns    columns left out of the comparison
 * @param columnMap        source column name to destination column name, for columns renamed on the way
 * @param sourceWhere      SQL condition on the source's rows, or null
 * @param destinationWhere SQL condition on the destination's rows, or null
 * @param key              key columns overriding discovery (source names), or empty
 * @param field            where this entry sits in the spec, for messages ({@code tables[2]})
 * @param maskColumns      columns (source names) whose values reports show only as keyed hashes, key columns included
 */
public record TableSpec(String name, String include, List<String> exclude, String target, List<String> ignoreColumns,
                        Map<String, String> columnMap, String sourceWhere, String destinationWhere, List<String> key,
                        String field, List<String> maskColumns) {

    public TableSpec {
        maskColumns = List.copyOf(maskColumns);
        exclude = List.copyOf(exclude);
        ignoreColumns = List.copyOf(ignoreColumns);
        columnMap = Collections.unmodifiableMap(new LinkedHashMap<>(columnMap));
        key = List.copyOf(key);
    }

    /** An entry without masked columns. */
    public TableSpec(String name, String include, List<String> exclude, String target, List<String> ignoreColumns,
                     Map<String, String> columnMap, String sourceWhere, String destinationWhere, List<String> key,
                     String field) {
        this(name, include, exclude, target, ignoreColumns, columnMap, sourceWhere, destinationWhere, key, field,
                List.of());
    }

    /** An entry without column renames whose {@code where} applies to both sides. */
    public TableSpec(String name, String include, List<String> exclude, String target, List<String> ignoreColumns,
                     String where, List<String> key, String field) {
        this(name, include, exclude, target, ignoreColumns, Map.of(), where, where, key, field);
    }

    public boolean isGlob() {
        return include != null;
    }
}
