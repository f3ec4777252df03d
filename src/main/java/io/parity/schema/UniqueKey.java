package io.parity.schema;

import java.util.List;

/** A primary or unique key: the columns whose values identify a row. */
public record UniqueKey(String name, boolean primary, List<String> columns) {

    public UniqueKey {
        columns = List.copyOf(columns);
    }
}
