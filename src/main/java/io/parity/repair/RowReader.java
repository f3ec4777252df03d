package io.parity.repair;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.KeyValues;
import io.parity.engine.SqlStatement;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads all rows with one key from one side as raw values (more than one where that side lacks the unique key). Also
 * used by the report to show differing rows side by side with the values as they are now.
 *
 * <p>With {@code exactKeys} (a plan whose key collation differs between the sides, compared by the keys' bytes), only
 * rows whose text key values are exactly the key's characters are kept: a lookup of {@code 'A'} under a
 * case-insensitive collation also finds {@code 'a'}, which is another key there.
 */
public final class RowReader {

    private final SideConnection side;
    private final SideTable table;
    private final boolean exactKeys;

    public RowReader(SideConnection side, SideTable table) {
        this(side, table, false);
    }

    public RowReader(SideConnection side, SideTable table, boolean exactKeys) {
        this.side = side;
        this.table = table;
        this.exactKeys = exactKeys;
    }

    private boolean sameText(Object[] row, KeyValues key) {
        for (int k = 0; k < table.key().size(); k++) {
            if (table.key().get(k).kind() != ColumnKind.TEXT) {
                continue;
            }
            String name = table.key().get(k).name();
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.columns().get(i).name().equals(name) && !text(row[i]).equals(String.valueOf(key.get(k)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Raw text arrives as bytes in the session's character set, which Parity sets to utf8mb4. */
    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }

    public List<Object[]> rows(Connection connection, KeyValues key) {
        SqlStatement stmt = side.engine().repair().selectRow(table, key);
        try (PreparedStatement ps = connection.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = side.engine().repair().readValues(rs, table);
                    if (!exactKeys || sameText(row, key)) {
                        rows.add(row);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading " + table.ref() + " key " + key, side.side(), e);
        }
    }
}
