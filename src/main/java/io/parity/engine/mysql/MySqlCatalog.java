package io.parity.engine.mysql;

import io.parity.engine.Catalog;
import io.parity.engine.SqlStatement;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;
import io.parity.schema.UniqueKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads table definitions from {@code information_schema}, the same way on MySQL 5.7, 8 and MariaDB. */
class MySqlCatalog implements Catalog {

    static final String LIST_TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
            + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN"
            + " ('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY TABLE_SCHEMA, TABLE_NAME";
    static final String TABLE_ROWS = "SELECT TABLE_ROWS FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'";
    static final String COLUMNS = "SELECT COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE,"
            + " CHARACTER_SET_NAME, COLLATION_NAME, EXTRA FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    static final String UNIQUE_KEYS = "SELECT INDEX_NAME, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0 ORDER BY INDEX_NAME, SEQ_IN_INDEX";

    static final String TRIGGERS = "SELECT TRIGGER_NAME, EVENT_MANIPULATION FROM information_schema.TRIGGERS"
            + " WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?";
    static final String CASCADING_CHILDREN = "SELECT CONCAT(CONSTRAINT_SCHEMA, '.', TABLE_NAME, ' (', CONSTRAINT_NAME,"
            + " ': ON DELETE ', DELETE_RULE, ', ON UPDATE ', UPDATE_RULE, ')') FROM information_schema.REFERENTIAL_CONSTRAINTS"
            + " WHERE UNIQUE_CONSTRAINT_SCHEMA = ? AND REFERENCED_TABLE_NAME = ?"
            + " AND (DELETE_RULE IN ('CASCADE', 'SET NULL', 'SET DEFAULT') OR UPDATE_RULE IN ('CASCADE', 'SET NULL', 'SET DEFAULT'))";

    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");
    private static final Set<String> TEMPORALS = Set.of("date", "time", "datetime", "timestamp", "year");
    private static final Set<String> TEXTS = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set");
    private static final Set<String> BINARIES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
            "longblob");
    /**
     * Spatial values are compared and repaired as their stored bytes: the SRID (4 bytes) and the WKB, which the server
     * prints, accepts back as a literal and compares exactly ({@code `g` = X'...'}).
     */
    private static final Set<String> SPATIAL = Set.of("geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection", "geomcollection");

    private final MySqlSql sql;

    MySqlCatalog(MySqlSql sql) {
        this.sql = sql;
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public SqlStatement probe(TableRef table) {
        return sql.probe(table);
    }

    @Override
    public SqlStatement triggers(SideTable table) {
        return sql.aboutTable(TRIGGERS, table);
    }

    @Override
    public SqlStatement cascadingChildren(SideTable table) {
        return sql.aboutTable(CASCADING_CHILDREN, table);
    }

    @Override
    public List<TableRef> listTables(Connection connection) throws SQLException {
        List<TableRef> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(LIST_TABLES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(new TableRef(rs.getString(1), rs.getString(2)));
            }
        }
        return tables;
    }

    @Override
    public Optional<TableSchema> describe(Connection connection, TableRef table) throws SQLException {
        Long rows = null;
        try (PreparedStatement ps = prepare(connection, TABLE_ROWS, table); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                rows = rs.getLong(1);
            }
        }
        if (rows == null) {
            return Optional.empty();
        }
        Set<String> jsonColumns = jsonColumns(connection, table);
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = prepare(connection, COLUMNS, table); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                String dataType = rs.getString(3).toLowerCase(Locale.ROOT);
                ColumnKind kind = jsonColumns.contains(name) ? ColumnKind.JSON : classify(dataType);
                String extra = rs.getString(8) == null ? "" : rs.getString(8).toUpperCase(Locale.ROOT);
                columns.add(new Column(name, rs.getInt(2), rs.getString(4), kind, "YES".equals(rs.getString(5)),
                        rs.getString(6), rs.getString(7), extra.contains("GENERATED") || extra.contains("PERSISTENT")));
            }
        }
        return Optional.of(new TableSchema(table, columns, uniqueKeys(connection, table), rows));
    }

    /** MySQL has a JSON type; MariaDB's JSON is LONGTEXT with a json_valid check, overridden in the subclass. */
    Set<String> jsonColumns(Connection connection, TableRef table) throws SQLException {
        return Set.of();
    }

    static ColumnKind classify(String dataType) {
        if (INTEGERS.contains(dataType)) {
            return ColumnKind.INTEGER;
        }
        if (TEMPORALS.contains(dataType)) {
            return ColumnKind.TEMPORAL;
        }
        if (TEXTS.contains(dataType)) {
            return ColumnKind.TEXT;
        }
        if (BINARIES.contains(dataType) || SPATIAL.contains(dataType)) {
            return ColumnKind.BINARY;
        }
        return switch (dataType) {
            case "decimal", "numeric" -> ColumnKind.DECIMAL;
            case "float" -> ColumnKind.FLOAT;
            case "double", "real", "double precision" -> ColumnKind.DOUBLE;
            case "bit" -> ColumnKind.BIT;
            case "json" -> ColumnKind.JSON;
            default -> ColumnKind.UNSUPPORTED;
        };
    }

    private List<UniqueKey> uniqueKeys(Connection connection, TableRef table) throws SQLException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Set<String> prefixed = new java.util.HashSet<>();
        try (PreparedStatement ps = prepare(connection, UNIQUE_KEYS, table); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String index = rs.getString(1);
                keys.computeIfAbsent(index, k -> new ArrayList<>()).add(rs.getString(2));
                if (rs.getObject(3) != null) {
                    prefixed.add(index); // a prefix index does not make the full values unique
                }
            }
        }
        List<UniqueKey> result = new ArrayList<>();
        keys.forEach((name, cols) -> {
            if (!prefixed.contains(name)) {
                UniqueKey key = new UniqueKey(name, "PRIMARY".equals(name), cols);
                if (key.primary()) {
                    result.add(0, key);
                } else {
                    result.add(key);
                }
            }
        });
        return result;
    }

    static PreparedStatement prepare(Connection connection, String sql, TableRef table) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setString(1, table.schema());
        ps.setString(2, table.table());
        return ps;
    }
}
