package io.parity.engine.postgres;

import io.parity.engine.support.StandardSql;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;

import java.util.StringJoiner;

/**
 * PostgreSQL's spelling of the shared SQL: standard quoting and {@code OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY}. Rows
 * read within a range are ordered by text keys' bytes ({@code CAST(k AS text) COLLATE "C"}), an order Java reproduces
 * exactly (the keys' UTF-8 bytes are their sort weights), while
 * range predicates and the index walk keep the column's own collation, so the index serves them. Under a
 * deterministic collation two keys are equal only when their bytes are, so a range holds the same keys either way.
 */
class PostgresSql extends StandardSql {

    @Override
    public String rowOrder(SideTable table) {
        StringJoiner order = new StringJoiner(", ");
        for (Column c : table.key()) {
            order.add(c.kind() == ColumnKind.TEXT ? bytes(quote(c.name())) : quote(c.name()));
        }
        return order.toString();
    }

    /** A text value (any text-like type: enums, arrays, {@code character(n)} without padding) in byte order. */
    static String bytes(String quoted) {
        return "CAST(" + quoted + " AS text) COLLATE \"C\"";
    }
}
