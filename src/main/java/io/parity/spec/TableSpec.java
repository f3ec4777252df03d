package io.parity.spec;

import java.util.List;

/**
 * One entry of the spec's {@code tables:} list: either an explicit {@code name} or an {@code include} glob (with
 * optional {@code exclude} globs), plus per-table settings that apply to every table the entry selects.
 *
 * @param name          explicit {@code schema.table} (or {@code table} in the URL's database), or null
 * @param include       glob {@code schema.table} with {@code *} and {@code ?}, or null
 * @param exclude       globs removed from what {@code include} matched
 * @param target        destination {@code schema.table} or {@code table} when it differs from the source; explicit names only
 * @param ignoreColumns columns left out of the comparison
 * @param where         SQL condition applied on both sides
 * @param key           key columns overriding discovery, or empty
 * @param field         where this entry sits in the spec, for messages ({@code tables[2]})
 */
public record TableSpec(String name, String include, List<String> exclude, String target, List<String> ignoreColumns,
                        String where, List<String> key, String field) {

    public TableSpec {
        exclude = List.copyOf(exclude);
        ignoreColumns = List.copyOf(ignoreColumns);
        key = List.copyOf(key);
    }

    public boolean isGlob() {
        return include != null;
    }
}
