package io.parity.engine.mysql;

import io.parity.schema.TableRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MariaDB stores JSON as LONGTEXT guarded by a {@code json_valid(col)} check constraint; that check marks JSON columns. */
class MariaDbCatalog extends MySqlCatalog {

    MariaDbCatalog(MySqlSql sql) {
        super(sql);
    }

    static final String JSON_CHECKS = "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?";

    private static final Pattern JSON_VALID = Pattern.compile("^json_valid\\(`((?:[^`]|``)+)`\\)$", Pattern.CASE_INSENSITIVE);

    @Override
    Set<String> jsonColumns(Connection connection, TableRef table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement ps = prepare(connection, JSON_CHECKS, table); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Matcher m = JSON_VALID.matcher(rs.getString(1).trim());
                if (m.matches()) {
                    columns.add(m.group(1).replace("``", "`"));
                }
            }
        }
        return columns;
    }
}
