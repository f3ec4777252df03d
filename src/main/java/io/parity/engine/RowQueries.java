package io.parity.engine;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.RowImage;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Rows in the canonical encoding of verify, laid out for {@link #readRow}: the key, the sort weights of collated key
 * columns, then every compared column's canonical bytes. Reconcile merges them; recheck and repair re-verify with them.
 */
public interface RowQueries {

    /** The rows of {@code range} (under the table filter) in key order. */
    SqlStatement rows(SideTable table, KeyRange range);

    /**
     * The rows of several disjoint ranges (under the table filter) in one read, in key order: what {@link #rows} gives
     * for each, together.
     */
    SqlStatement rowsInRanges(SideTable table, List<KeyRange> ranges);

    /** The rows with these keys (under the table filter) in key order; keys without a row are absent. */
    SqlStatement rowsByKeys(SideTable table, List<KeyValues> keys);

    /** The row with this key, without the table filter (re-checks and repairs speak of one key). */
    SqlStatement rowByKey(SideTable table, KeyValues key);

    RowImage readRow(ResultSet rs, SideTable table) throws SQLException;

    /**
     * Prepares and binds {@code statement} so that its rows arrive as they are read rather than all at once, where the
     * driver can: a reader that stops early then never holds more than it kept. By default a plain statement.
     */
    default PreparedStatement prepareStreaming(Connection connection, SqlStatement statement) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(statement.sql());
        statement.bind(ps);
        return ps;
    }

    /** Rows in the order of the key's bytes, for keys whose collation differs between the sides. */
    Optional<KeyBytesRows> keyBytesOrder();
}
