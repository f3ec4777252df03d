package io.parity.gate;

import java.util.List;

/**
 * The write privileges one role holds on one table, where privileges are granted per table (PostgreSQL).
 *
 * @param schema     the table's schema
 * @param table      the table
 * @param privileges the write privileges, e.g. {@code [INSERT, UPDATE]}
 */
public record TableGrant(String schema, String table, List<String> privileges) {

    public TableGrant {
        privileges = List.copyOf(privileges);
    }

    /** The evidence line: {@code INSERT, UPDATE ON public.orders}. */
    public String describe() {
        return String.join(", ", privileges) + " ON " + schema + "." + table;
    }
}
