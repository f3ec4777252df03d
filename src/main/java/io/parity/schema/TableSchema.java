package io.parity.schema;

import java.util.List;
import java.util.Optional;

/**
 * One table's shape on one side: columns in ordinal order and its unique keys (primary first).
 *
 * @param estimatedRows the server's row estimate, for planning only
 */
public record TableSchema(TableRef ref, List<Column> columns, List<UniqueKey> uniqueKeys, long estimatedRows) {

    public TableSchema {
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
}
