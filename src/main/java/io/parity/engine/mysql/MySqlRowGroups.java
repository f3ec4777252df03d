package io.parity.engine.mysql;

import io.parity.engine.RowGroups;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * <pre>
 * SELECT SHA1(CONCAT_WS('#', `a`, `b`, ...)) AS parity_row, COUNT(*) FROM `s`.`t` [WHERE (filter)] GROUP BY 1 ORDER BY 1
 * </pre>
 */
class MySqlRowGroups implements RowGroups {

    private final MySqlSql sql;
    private final MySqlEncoding encoding;

    MySqlRowGroups(MySqlSql sql, MySqlEncoding encoding) {
        this.sql = sql;
        this.encoding = encoding;
    }

    @Override
    public String rowHashEncoding() {
        return MySqlEncoding.NAME;
    }

    @Override
    public SqlStatement hashCounts(SideTable table) {
        return SqlStatement.of("SELECT " + encoding.rowDigest(table.columns()) + " AS parity_row, COUNT(*) FROM "
                + sql.from(table.ref()) + (table.where() == null ? "" : " WHERE (" + table.where() + ")")
                + " GROUP BY 1 ORDER BY 1");
    }

    @Override
    public PreparedStatement streaming(Connection connection, SqlStatement statement) throws SQLException {
        return MySqlSql.streaming(connection, statement);
    }
}
