package io.parity.repair;

import io.parity.core.KeyValues;

import java.util.List;

/**
 * One row change on the target: its key, the row as it is now on the target ({@code before}, null for an insert) and
 * as it should be ({@code after}, null for a delete), and for updates the indexes of the columns that change.
 * Values are the dialect's raw values, in the table's column order.
 */
public record RepairAction(Kind kind, KeyValues key, Object[] before, Object[] after, List<Integer> columns,
                           int copies) {

    public enum Kind { DELETE, UPDATE, INSERT }

    public RepairAction {
        columns = List.copyOf(columns);
        if (copies < 1 || (copies > 1 && kind == Kind.UPDATE)) {
            throw new IllegalArgumentException(copies + " copies of a " + kind);
        }
    }

    /** One row's change. */
    public RepairAction(Kind kind, KeyValues key, Object[] before, Object[] after, List<Integer> columns) {
        this(kind, key, before, after, columns, 1);
    }

    /** The action that undoes this one. */
    public RepairAction inverse() {
        return switch (kind) {
            case DELETE -> new RepairAction(Kind.INSERT, key, null, before, List.of(), copies);
            case INSERT -> new RepairAction(Kind.DELETE, key, after, null, List.of(), copies);
            case UPDATE -> new RepairAction(Kind.UPDATE, key, after, before, columns);
        };
    }
}
