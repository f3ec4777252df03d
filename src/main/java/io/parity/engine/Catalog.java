package io.parity.engine;

import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the server's catalog says: schemas and tables, each table's columns (classified into
 * {@link io.parity.schema.ColumnKind}s once, here) and unique keys, and the hazards a repair must know about.
 */
public interface Catalog {

    /** The schema (database) a connection's URL selects, or null. */
    String currentSchema(Connection connection) throws SQLException;

    /** Base tables of all user schemas, sorted. */
    List<TableRef> listTables(Connection connection) throws SQLException;

    /** The table's columns and unique keys (primary first), or empty when it does not exist. */
    Optional<TableSchema> describe(Connection connection, TableRef table) throws SQLException;

    /** A query that reads nothing but fails when the table is missing or not readable by the account. */
    SqlStatement probe(TableRef table);

    /** {@code (name, event)} of the triggers on the table: they would fire on every repaired row. */
    SqlStatement triggers(SideTable table);

    /** One text row per foreign key that cascades from the table: repaired deletes and key changes would spread. */
    SqlStatement cascadingChildren(SideTable table);
}
