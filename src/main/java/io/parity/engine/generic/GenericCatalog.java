package io.parity.engine.generic;

import io.parity.engine.Catalog;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.StandardSql;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;
import io.parity.schema.UniqueKey;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads table definitions through {@link DatabaseMetaData}, which every JDBC driver implements, instead of an
 * engine's catalog tables. Metadata calls take name <em>patterns</em>, so names are escaped and results are matched
 * exactly: {@code order_items} must not also describe {@code orderXitems}.
 */
final class GenericCatalog implements Catalog {

    private static final String[] TABLE_TYPES = {"TABLE", "BASE TABLE"};

    static final String TRIGGERS = "SELECT TRIGGER_NAME, EVENT_MANIPULATION FROM INFORMATION_SCHEMA.TRIGGERS"
            + " WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?";
    static final String CASCADING_CHILDREN = "SELECT CONCAT(child.TABLE_SCHEMA, '.', child.TABLE_NAME, ' (',"
            + " rc.CONSTRAINT_NAME, ': ON DELETE ', rc.DELETE_RULE, ', ON UPDATE ', rc.UPDATE_RULE, ')')"
            + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
            + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS parent ON parent.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
            + " AND parent.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
            + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS child ON child.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
            + " AND child.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
            + " WHERE parent.TABLE_SCHEMA = ? AND parent.TABLE_NAME = ?"
            + " AND (rc.DELETE_RULE IN ('CASCADE', 'SET NULL', 'SET DEFAULT') OR rc.UPDATE_RULE IN ('CASCADE', 'SET NULL', 'SET DEFAULT'))";

    private final StandardSql sql;

    GenericCatalog(StandardSql sql) {
        this.sql = sql;
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        return connection.getSchema();
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
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", TABLE_TYPES)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema)) {
                    tables.add(new TableRef(schema, rs.getString("TABLE_NAME")));
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    @Override
    public Optional<TableSchema> describe(Connection connection, TableRef table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<Column> columns = new ArrayList<>();
        String esc = meta.getSearchStringEscape();
        try (ResultSet rs = meta.getColumns(null, pattern(table.schema(), esc), pattern(table.table(), esc), "%")) {
            while (rs.next()) {
                if (table.schema().equals(rs.getString("TABLE_SCHEM")) && table.table().equals(rs.getString("TABLE_NAME"))) {
                    columns.add(column(rs));
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        columns.sort(java.util.Comparator.comparingInt(Column::ordinal));
        return Optional.of(new TableSchema(table, columns, uniqueKeys(meta, table), rowCount(connection, table)));
    }

    private static String pattern(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_");
    }

    private static Column column(ResultSet rs) throws SQLException {
        String typeName = rs.getString("TYPE_NAME");
        int jdbcType = rs.getInt("DATA_TYPE");
        ColumnKind kind = classify(jdbcType, typeName);
        return new Column(rs.getString("COLUMN_NAME"), rs.getInt("ORDINAL_POSITION"),
                columnType(typeName, kind, rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")), kind,
                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, null, null,
                "YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN")));
    }

    static ColumnKind classify(int jdbcType, String typeName) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnKind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> ColumnKind.DECIMAL;
            case Types.REAL -> ColumnKind.FLOAT;
            case Types.FLOAT, Types.DOUBLE -> ColumnKind.DOUBLE;
            case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE ->
                    ColumnKind.TEMPORAL;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> ColumnKind.TEXT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ColumnKind.BINARY;
            case Types.BOOLEAN, Types.BIT -> ColumnKind.BIT;
            default -> typeName.equalsIgnoreCase("JSON") ? ColumnKind.JSON
                    : typeName.toUpperCase(Locale.ROOT).startsWith("ENUM") ? ColumnKind.TEXT : ColumnKind.UNSUPPORTED;
        };
    }

    /** The type as people write it: {@code CHARACTER VARYING(40)}, {@code NUMERIC(12,2)}, {@code TIMESTAMP(6) WITH TIME ZONE}. */
    static String columnType(String typeName, ColumnKind kind, int size, int digits) {
        return switch (kind) {
            case DECIMAL -> typeName + "(" + size + "," + digits + ")";
            case TEXT, BINARY -> typeName.toUpperCase(Locale.ROOT).startsWith("ENUM") || size <= 0 || size == Integer.MAX_VALUE
                    || typeName.toUpperCase(Locale.ROOT).contains("LARGE OBJECT") ? typeName : typeName + "(" + size + ")";
            case TEMPORAL -> {
                String upper = typeName.toUpperCase(Locale.ROOT);
                if (upper.startsWith("DATE") && !upper.startsWith("DATETIME")) {
                    yield typeName;
                }
                int zone = upper.indexOf(" WITH TIME ZONE");
                yield zone < 0 ? typeName + "(" + digits + ")"
                        : typeName.substring(0, zone) + "(" + digits + ")" + typeName.substring(zone);
            }
            default -> typeName;
        };
    }

    private static List<UniqueKey> uniqueKeys(DatabaseMetaData meta, TableRef table) throws SQLException {
        List<UniqueKey> keys = new ArrayList<>();
        Map<Integer, String> primary = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, table.schema(), table.table())) {
            while (rs.next()) {
                primary.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        if (!primary.isEmpty()) {
            keys.add(new UniqueKey("PRIMARY", true, List.copyOf(primary.values())));
        }
        Map<String, Map<Integer, String>> indexes = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, table.schema(), table.table(), true, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name != null && !rs.getBoolean("NON_UNIQUE") && rs.getString("COLUMN_NAME") != null) {
                    indexes.computeIfAbsent(name, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                            rs.getString("COLUMN_NAME"));
                }
            }
        }
        indexes.forEach((name, cols) -> {
            List<String> columns = List.copyOf(cols.values());
            if (!columns.equals(List.copyOf(primary.values()))) { // the primary key's own index
                keys.add(new UniqueKey(name, false, columns));
            }
        });
        return keys;
    }

    /** Engines without a cheap row estimate in their metadata are counted; the count only plans partitions. */
    private long rowCount(Connection connection, TableRef table) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + sql.from(table))) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
