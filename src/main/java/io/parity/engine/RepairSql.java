package io.parity.engine;

import io.parity.core.KeyValues;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Repair and undo SQL: rows read by key with their raw values, exact literals, and guarded DML.
 *
 * <p>Rendered statements carry literals, not bind parameters, because they are written to files a DBA reads and runs
 * with the command-line client. Every literal is exact for its type and survives any session setting the file does
 * not pin itself (see {@link #sessionHeader}); every guard compares the row exactly as it was read.
 */
public interface RepairSql {

    /** Statements that start every repair or undo file and every apply session. */
    List<String> sessionHeader();

    String beginTransaction();

    String commit();

    /** One row by key, columns in {@code table.columns()} order, as raw values for {@link #readValues}. */
    SqlStatement selectRow(SideTable table, KeyValues key);

    Object[] readValues(ResultSet rs, SideTable table) throws SQLException;

    /** The exact literal of a value read by {@link #readValues} for the column at {@code index} of {@code table}. */
    String literal(SideTable table, int index, Object value);

    /**
     * INSERT of {@code row} (whose key is {@code key}): one statement, or, where a value would make it longer than
     * {@code maxBytes}, an insert without that value followed by statements that append it in pieces (all in the
     * caller's transaction).
     */
    List<String> insert(SideTable table, KeyValues key, Object[] row, int maxBytes);

    /**
     * UPDATE of {@code columns} to {@code after}, only where the row is still exactly {@code before} (large values
     * guarded by their hash), each statement at most {@code maxBytes} long: the first one decides whether the row is
     * still as read; the others append pieces of large new values.
     */
    List<String> update(SideTable table, KeyValues key, Object[] before, Object[] after, List<Integer> columns,
                        int maxBytes);

    /**
     * DELETE of {@code copies} rows that are still exactly {@code before} (large values guarded by their hash): one
     * for a keyed table, as many as a table without a key holds too many of.
     */
    List<String> delete(SideTable table, KeyValues key, Object[] before, int copies, int maxBytes);

    /**
     * The statement that keeps this session's changes out of the server's replication stream ({@code --no-binlog});
     * empty where the engine has no such per-session switch, and then {@code --no-binlog} is refused before anything
     * is written.
     */
    Optional<String> withoutReplication();

    /** A query returning the longest statement the server accepts, in bytes; empty where there is no such limit. */
    Optional<String> maxStatementBytes();

    /** The single statement of {@link #insert(SideTable, KeyValues, Object[], int)} without a length limit. */
    default String insert(SideTable table, Object[] row) {
        return insert(table, null, row, Integer.MAX_VALUE).get(0);
    }

    default String update(SideTable table, KeyValues key, Object[] before, Object[] after, List<Integer> columns) {
        return update(table, key, before, after, columns, Integer.MAX_VALUE).get(0);
    }

    default String delete(SideTable table, KeyValues key, Object[] before) {
        return delete(table, key, before, 1, Integer.MAX_VALUE).get(0);
    }
}
