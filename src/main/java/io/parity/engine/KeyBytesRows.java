package io.parity.engine;

import io.parity.schema.Column;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows in the one key order two sides agree on when a text key's collation or character set differs between them
 * ({@code utf8mb3_general_ci} on one, {@code utf8mb4_uca1400_ai_ci} on the other): text key parts ordered by their
 * UTF-8 bytes, which is the order of their Unicode code points, not by either server's collation. Neither side's index
 * serves that order, so the table is read once per side, sorted by the server, and merged as it streams.
 */
public interface KeyBytesRows {

    /**
     * Every row (under the table filter), laid out for {@link RowQueries#readRow}, ordered by the key with text parts
     * as UTF-8 bytes ({@code ORDER BY CAST(CONVERT(k USING utf8mb4) AS BINARY)}) and other parts as the server orders
     * them.
     */
    SqlStatement inKeyBytesOrder(SideTable table);

    /**
     * Keys of {@code table} that are one key under {@code otherKey}'s collations (the other side's key columns, in
     * the same order): each result row is one such group, as readable text naming every key in it. A server that does
     * not know one of those collations fails the statement.
     */
    SqlStatement collidingKeys(SideTable table, List<Column> otherKey, int limit);

    /**
     * Whether this engine's collation of {@code column} makes distinct character strings one key (case- or
     * accent-insensitive, PAD SPACE), so rows another side holds apart may collide here.
     */
    boolean mergesDistinctKeys(Column column);

    /** Prepares {@code statement} so that its rows stream as the server sends them, not all held in memory first. */
    PreparedStatement streaming(Connection connection, SqlStatement statement) throws SQLException;
}
