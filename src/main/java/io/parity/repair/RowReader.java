package io.parity.repair;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.KeyValues;
import io.parity.engine.SqlStatement;
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
 */
public final class RowReader {

    private final SideConnection side;
    private final SideTable table;

    public RowReader(SideConnection side, SideTable table) {
        this.side = side;
        this.table = table;
    }

    public List<Object[]> rows(Connection connection, KeyValues key) {
        SqlStatement stmt = side.engine().repair().selectRow(table, key);
        try (PreparedStatement ps = connection.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(side.engine().repair().readValues(rs, table));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading " + table.ref() + " key " + key, side.side(), e);
        }
    }
}
