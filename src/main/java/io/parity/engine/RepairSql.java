package io.parity.engine;

import io.parity.core.KeyValues;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

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

    String insert(SideTable table, Object[] row);

    /** UPDATE of {@code columns} to {@code after}, only where the row is still exactly {@code before}. */
    String update(SideTable table, KeyValues key, Object[] before, Object[] after, List<Integer> columns);

    /** DELETE of the row only while it is still exactly {@code before}. */
    String delete(SideTable table, KeyValues key, Object[] before);
}
