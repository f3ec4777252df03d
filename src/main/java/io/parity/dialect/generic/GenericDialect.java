package io.parity.dialect.generic;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.RowHasher;
import io.parity.core.RowImage;
import io.parity.dialect.Dialect;
import io.parity.dialect.KeyPredicates;
import io.parity.dialect.RepairSql;
import io.parity.dialect.SqlStatement;
import io.parity.schema.Column;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Any JDBC database with standard SQL (used for H2): rows are streamed in key order and hashed in Java.
 *
 * <pre>
 * SELECT "order_id", "line_no", "order_id", "line_no", "sku", "qty", "price"
 *   FROM "public"."order_items"
 *  WHERE ("order_id" &gt;= ? AND ("order_id" &gt; ? OR ("order_id" = ? AND "line_no" &gt; ?))) AND ...
 *  ORDER BY "order_id", "line_no"
 * </pre>
 *
 * The same statement serves checksums (rows hashed by {@link RowHasher} as they stream) and reconciliation (rows kept
 * as {@link RowImage}s), so a chunk's checksum and its rows are always built from the same canonical values. This
 * costs a full read of every chunk instead of one aggregate query, which is why MySQL and MariaDB keep their pushdown.
 */
public class GenericDialect implements Dialect {

    /** Rows fetched per round trip while streaming a chunk. */
    static final int FETCH_SIZE = 1000;

    private final String product;
    private final String version;
    private final GenericCatalog catalog = new GenericCatalog(this);

    public GenericDialect(String product, String version) {
        this.product = product;
        this.version = version;
    }

    @Override
    public String describe() {
        return product + " " + version;
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Nothing to pin: the canonical values are built in Java and do not depend on session settings. */
    @Override
    public String sessionSetup() {
        return null;
    }

    @Override
    public HashAlgorithm defaultHash() {
        return HashAlgorithm.CRC64;
    }

    @Override
    public String rowEncodingName() {
        return "jdbc-length-tagged";
    }

    @Override
    public boolean supports(HashAlgorithm hash) {
        return true;
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    @Override
    public List<TableRef> listTables(Connection connection) throws SQLException {
        return catalog.listTables(connection);
    }

    @Override
    public Optional<TableSchema> describe(Connection connection, TableRef table) throws SQLException {
        return catalog.describe(connection, table);
    }

    // ---- queries

    @Override
    public SqlStatement keyAt(SideTable table, KeyRange range, long offset, boolean filtered) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(keyList(table)).append(" FROM ").append(from(table.ref()));
        where(sql, params, table, range, filtered);
        sql.append(" ORDER BY ").append(keyList(table)).append(" OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY");
        params.add(offset);
        return new SqlStatement(sql.toString(), params);
    }

    /** This dialect always hashes in Java. */
    @Override
    public ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        return checksum(connection, table, range, hash);
    }

    /** Streams the rows of {@code range} and sums their hashes in Java. */
    @Override
    public ChunkChecksum checksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        SqlStatement stmt = rows(table, range);
        RowHasher hasher = new RowHasher(hash);
        try (PreparedStatement ps = connection.prepareStatement(stmt.sql())) {
            ps.setFetchSize(FETCH_SIZE);
            bind(ps, stmt.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hasher.add(values(rs, table));
                }
            }
        }
        return hasher.result();
    }

    @Override
    public SqlStatement rows(SideTable table, KeyRange range) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(selectList(table)).append(" FROM ").append(from(table.ref()));
        where(sql, params, table, range, true);
        sql.append(" ORDER BY ").append(keyList(table));
        return new SqlStatement(sql.toString(), params);
    }

    /** Key columns (for {@link #readKey}), then every compared column. */
    String selectList(SideTable table) {
        StringJoiner select = new StringJoiner(", ");
        table.key().forEach(c -> select.add(quote(c.name())));
        table.columns().forEach(c -> select.add(quote(c.name())));
        return select.toString();
    }

    String from(TableRef ref) {
        return quote(ref.schema()) + "." + quote(ref.table());
    }

    private String keyList(SideTable table) {
        return KeyPredicates.keyList(this::quote, table);
    }

    private void where(StringBuilder sql, List<Object> params, SideTable table, KeyRange range, boolean filtered) {
        KeyPredicates.where(sql, params, this::quote, table, range, filtered);
    }

    // ---- values

    @Override
    public KeyValues readKey(ResultSet rs, SideTable table) throws SQLException {
        List<Object> values = new ArrayList<>(table.key().size());
        for (int i = 0; i < table.key().size(); i++) {
            values.add(keyValue(rs, i + 1, table.key().get(i)));
        }
        return KeyValues.of(values);
    }

    /** Temporal keys are kept as their ISO text: it binds back to the column type and sorts like the value. */
    private static Object keyValue(ResultSet rs, int index, Column column) throws SQLException {
        return switch (column.kind()) {
            case INTEGER -> {
                Object v = rs.getObject(index);
                yield v instanceof BigInteger big ? big : v instanceof BigDecimal d ? d.toBigIntegerExact()
                        : ((Number) v).longValue();
            }
            case DECIMAL -> rs.getBigDecimal(index);
            case FLOAT, DOUBLE -> rs.getDouble(index);
            case BINARY -> rs.getBytes(index);
            case TEMPORAL -> temporalKey(CanonicalValues.temporalObject(rs, index, column));
            default -> rs.getString(index);
        };
    }

    /** Fixed-width text (nine fractional digits), so that text order is time order within a column. */
    private static Object temporalKey(Object value) {
        if (value instanceof java.time.LocalDateTime t) {
            return KEY_TIMESTAMP.format(t);
        }
        if (value instanceof java.time.LocalTime t) {
            return KEY_TIME.format(t);
        }
        return value.toString();
    }

    private static final java.time.format.DateTimeFormatter KEY_TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS");
    private static final java.time.format.DateTimeFormatter KEY_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS");

    @Override
    public RowImage readRow(ResultSet rs, SideTable table) throws SQLException {
        return new RowImage(readKey(rs, table), new byte[table.key().size()][], values(rs, table));
    }

    private static byte[][] values(ResultSet rs, SideTable table) throws SQLException {
        int offset = table.key().size();
        byte[][] values = new byte[table.columns().size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = CanonicalValues.read(rs, offset + i + 1, table.columns().get(i));
        }
        return values;
    }

    @Override
    public RepairSql repairSql() {
        return new GenericRepairSql(this);
    }
}
