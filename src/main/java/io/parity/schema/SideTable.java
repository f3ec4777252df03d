package io.parity.schema;

import java.util.List;

/**
 * What is compared of one table on one side: its key columns (in key order), the compared columns (in the order both
 * sides share, key columns included) and the optional row filter. Source and destination each get one, built from the
 * same column names so that position i means the same column on both sides.
 */
public record SideTable(TableRef ref, List<Column> key, List<Column> columns, String where) {

    public SideTable {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
    }

    public List<String> keyNames() {
        return key.stream().map(Column::name).toList();
    }

    /** Whether rows are identified by one integer column (arithmetic chunk cuts and even buckets need one). */
    public boolean singleIntegerKey() {
        return key.size() == 1 && key.get(0).kind() == ColumnKind.INTEGER;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
