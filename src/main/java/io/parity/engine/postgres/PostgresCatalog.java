package io.parity.engine.postgres;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Table definitions from {@code pg_catalog}: columns with their types as {@code format_type} writes them, domains
 * resolved to their base types, enums, arrays and text with their effective collation (the database's when the
 * column uses the default); unique keys from valid, non-partial, non-expression unique indexes, primary first; the row
 * estimate from {@code pg_class.reltuples}, counted when the table was never analysed.
 */
final class PostgresCatalog implements Catalog {

    static final String TABLES = "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
            + " AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY 1, 2";

    static final String COLUMNS = "SELECT a.attname, a.attnum, format_type(a.atttypid, a.atttypmod),"
            + " COALESCE(bt.typname, t.typname), COALESCE(bt.typtype, t.typtype), COALESCE(bt.typcategory, t.typcategory),"
            + " NOT a.attnotnull, CASE WHEN a.attcollation = 0 THEN NULL"
            + " WHEN co.collname = 'default' THEN (SELECT datcollate FROM pg_database WHERE datname = current_database())"
            + " ELSE co.collname END, a.attgenerated <> '', c.reltuples::bigint"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype"
            + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
            + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
            + " ORDER BY a.attnum";

    static final String UNIQUE_KEYS = "SELECT ic.relname, i.indisprimary, a.attname FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
            + " WHERE n.nspname = ? AND c.relname = ? AND i.indisunique AND i.indisvalid AND i.indpred IS NULL"
            + " AND i.indexprs IS NULL AND k.ord <= i.indnkeyatts"
            + " ORDER BY i.indisprimary DESC, ic.relname, k.ord";

    static final String TRIGGERS = "SELECT t.tgname, concat_ws(' OR ', CASE WHEN t.tgtype & 4 <> 0 THEN 'INSERT' END,"
            + " CASE WHEN t.tgtype & 16 <> 0 THEN 'UPDATE' END, CASE WHEN t.tgtype & 8 <> 0 THEN 'DELETE' END)"
            + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = ? AND c.relname = ?";

    static final String CASCADING_CHILDREN = "SELECT cn.nspname || '.' || cc.relname || ' (' || k.conname || ': ON DELETE '"
            + " || CASE k.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'"
            + " ELSE 'NO ACTION' END || ', ON UPDATE ' || CASE k.confupdtype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN"
            + " 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END || ')'"
            + " FROM pg_constraint k JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace"
            + " JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace"
            + " WHERE k.contype = 'f' AND pn.nspname = ? AND p.relname = ?"
            + " AND (k.confdeltype IN ('c', 'n', 'd') OR k.confupdtype IN ('c', 'n', 'd'))";

    private final PostgresSql sql;

    PostgresCatalog(PostgresSql sql) {
        this.sql = sql;
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public List<TableRef> listTables(Connection connection) throws SQLException {
        List<TableRef> tables = new ArrayList<>();
        try (var st = connection.createStatement(); ResultSet rs = st.executeQuery(TABLES)) {
            while (rs.next()) {
                tables.add(new TableRef(rs.getString(1), rs.getString(2)));
            }
        }
        tables.sort(null);
        return tables;
    }

    @Override
    public Optional<TableSchema> describe(Connection connection, TableRef table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        long estimate = -1;
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String typeName = rs.getString(4);
                    ColumnKind kind = classify(typeName, rs.getString(5), rs.getString(6));
                    // text-like types without a collation (enums, arrays) are ordered by their text's bytes
                    String collation = kind != ColumnKind.TEXT ? null : rs.getString(8) == null ? "C" : rs.getString(8);
                    columns.add(new Column(rs.getString(1), rs.getInt(2), rs.getString(3), kind, rs.getBoolean(7),
                            null, collation, rs.getBoolean(9)).withLarge(large(typeName, kind)));
                    estimate = rs.getLong(10);
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TableSchema(table, columns, uniqueKeys(connection, table),
                estimate >= 0 ? estimate : count(connection, table)));
    }

    /**
     * The kind of a type by its name, type class ({@code e}num, {@code d}omain resolved already) and category
     * ({@code A}rray, ...). Types without an exact reading of their own are compared by their text, which the pinned
     * session settings make deterministic.
     */
    static ColumnKind classify(String typeName, String typeType, String category) {
        if ("e".equals(typeType) || "A".equals(category)) {
            return ColumnKind.TEXT;
        }
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "int2", "int4", "int8" -> ColumnKind.INTEGER;
            case "numeric" -> ColumnKind.DECIMAL;
            case "float4" -> ColumnKind.FLOAT;
            case "float8" -> ColumnKind.DOUBLE;
            case "bool" -> ColumnKind.BIT;
            case "date", "timestamp", "timestamptz", "time", "timetz" -> ColumnKind.TEMPORAL;
            case "bytea", "uuid" -> ColumnKind.BINARY;
            case "json", "jsonb" -> ColumnKind.JSON;
            default -> ColumnKind.TEXT;
        };
    }

    /** Values that may be long: hashed by the server in the pushed-down encoding, like MySQL's LONGBLOB. */
    private static boolean large(String typeName, ColumnKind kind) {
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "text", "bytea", "json", "jsonb", "xml" -> true;
            default -> kind == ColumnKind.TEXT && typeName.startsWith("_"); // arrays
        };
    }

    private static List<UniqueKey> uniqueKeys(Connection connection, TableRef table) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> primary = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(UNIQUE_KEYS)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
                    primary.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        List<UniqueKey> keys = new ArrayList<>();
        columns.forEach((name, cols) -> keys.add(new UniqueKey(primary.get(name) ? "PRIMARY" : name, primary.get(name),
                cols)));
        return keys;
    }

    private long count(Connection connection, TableRef table) throws SQLException {
        try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                + sql.from(table))) {
            return rs.next() ? rs.getLong(1) : 0;
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
}
