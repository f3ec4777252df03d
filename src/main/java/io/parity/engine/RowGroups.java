package io.parity.engine;

import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A table without a key compared as a multiset: each distinct row is identified by a digest of its canonical
 * encoding (the "row hash", hex text), and a side holds it some number of times. Reads of rows of such a table by
 * "key" ({@link RowQueries#rowByKey}, {@link RepairSql#selectRow}) take the row hash as the key and return every copy.
 */
public interface RowGroups {

    /** The name of the row encoding the row hash digests: two sides group rows alike only when the names are equal. */
    String rowHashEncoding();

    /**
     * Every distinct row's hash and how many times the side holds it (under the table filter), ordered by the hash:
     * {@code SELECT SHA1(<row encoding>), COUNT(*) FROM t GROUP BY 1 ORDER BY 1}. One scan, grouped by the server,
     * so Parity's memory does not grow with the table.
     */
    SqlStatement hashCounts(SideTable table);

    /** Prepares {@code statement} so that its rows stream as the server sends them, not all held in memory first. */
    PreparedStatement streaming(Connection connection, SqlStatement statement) throws SQLException;
}
