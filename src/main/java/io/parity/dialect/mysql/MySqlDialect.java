package io.parity.dialect.mysql;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.RowHasher;
import io.parity.core.RowImage;
import io.parity.dialect.Dialect;
import io.parity.dialect.KeyPredicates;
import io.parity.dialect.SqlStatement;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * MySQL 8. Rows are hashed on the server over a canonical encoding:
 *
 * <pre>
 * CONCAT_WS('#', `id`, `status`, CAST(`ratio` AS DOUBLE), `note`, ...,
 *           CONCAT(ISNULL(`ratio`), ISNULL(`note`)),          -- NULL bitmap: CONCAT_WS skips NULLs
 *           CONCAT_WS(',', LENGTH(`status`), LENGTH(`note`)))  -- lengths of free-form values
 * </pre>
 *
 * Numbers and temporal values cannot contain {@code '#'}; free-form values (text, binary, JSON) may, and their byte
 * lengths make the split unambiguous, so {@code ('x0','y')} and {@code ('x','0y')} encode differently and a NULL
 * differs from {@code ''}. Text is converted to utf8mb4 so both sides hash the same bytes for the same characters.
 */
public class MySqlDialect implements Dialect {

    /**
     * Pins what changes a value's text: time zone (TIMESTAMP), character set, and sql_mode (no
     * PAD_CHAR_TO_FULL_LENGTH); and makes the session read-only on the server, since Connector/J does not propagate
     * {@code setReadOnly} to servers that announce themselves as 5.5 (MariaDB does).
     */
    static final String SESSION_SETUP = "SET NAMES utf8mb4, time_zone = '+00:00',"
            + " sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION', SESSION %s = 1";

    private final String version;
    private final MySqlCatalog catalog;

    public MySqlDialect(String version) {
        this(version, new MySqlCatalog());
    }

    MySqlDialect(String version, MySqlCatalog catalog) {
        this.version = version;
        this.catalog = catalog;
    }

    @Override
    public String describe() {
        return "MySQL " + version;
    }

    @Override
    public io.parity.dialect.RepairSql repairSql() {
        return new MySqlRepairSql(this);
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String sessionSetup() {
        return String.format(SESSION_SETUP, readOnlyVariable());
    }

    @Override
    /**
     * Also sets {@code net_write_timeout} once per session to what Connector/J would otherwise set before and reset
     * after every streamed result (two extra round trips per chunk and side; the pool turns that off, see
     * {@code SideConnection}).
     */
    public String sessionSetup(java.time.Duration lockWait) {
        return sessionSetup() + ", SESSION lock_wait_timeout = " + Math.max(1, lockWait.toSeconds())
                + ", SESSION net_write_timeout = " + STREAMING_WRITE_TIMEOUT;
    }

    /** Seconds the server waits on a client that reads a streamed result slowly: Connector/J's own default. */
    static final int STREAMING_WRITE_TIMEOUT = 600;

    @Override
    public String gtidPositionQuery() {
        return "SELECT @@global.gtid_executed";
    }

    /** WAIT_FOR_EXECUTED_GTID_SET returns 0 once applied, 1 on timeout. */
    @Override
    public SqlStatement waitForGtid(String position, java.time.Duration timeout) {
        return new SqlStatement("SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)", List.of(position, timeout.toSeconds()));
    }

    @Override
    public String threadsRunningQuery() {
        return "SHOW GLOBAL STATUS LIKE 'Threads_running'";
    }

    @Override
    public String replicaStatusQuery() {
        return "SHOW REPLICA STATUS";
    }

    /** MySQL 8.0.22+ names it Seconds_Behind_Source; MariaDB and older MySQL Seconds_Behind_Master. NULL = not running. */
    @Override
    public Long replicaLagSeconds(ResultSet row) throws SQLException {
        for (String column : new String[] {"Seconds_Behind_Source", "Seconds_Behind_Master"}) {
            try {
                long lag = row.getLong(column);
                return row.wasNull() ? Long.MAX_VALUE : lag;
            } catch (SQLException e) {
                // the other name
            }
        }
        return null;
    }

    protected String readOnlyVariable() {
        return "transaction_read_only";
    }

    @Override
    public HashAlgorithm defaultHash() {
        return HashAlgorithm.SHA1;
    }

    @Override
    public String rowEncodingName() {
        return "mysql-concat-ws";
    }

    @Override
    public boolean supports(HashAlgorithm hash) {
        return hash == HashAlgorithm.MD5 || hash == HashAlgorithm.SHA1;
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            return rs.next() ? rs.getString(1) : null;
        }
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
        StringBuilder sql = new StringBuilder("SELECT ").append(keyList(table)).append(" FROM ").append(from(table));
        where(sql, params, table, range, filtered);
        sql.append(" ORDER BY ").append(keyList(table)).append(" LIMIT ?, 1");
        params.add(offset);
        return new SqlStatement(sql.toString(), params);
    }

    @Override
    public boolean supportsRowEstimates() {
        return true;
    }

    /** {@code EXPLAIN SELECT 1 FROM t WHERE <range>}: InnoDB answers a primary-key range with two index dives. */
    @Override
    public SqlStatement rowEstimate(SideTable table, KeyRange range) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("EXPLAIN SELECT 1 FROM ").append(from(table));
        where(sql, params, table, range, false);
        return new SqlStatement(sql.toString(), params);
    }

    /** The {@code rows} column of the plan's one row (MySQL and MariaDB name it alike). */
    @Override
    public long readRowEstimate(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return -1;
        }
        long rows = rs.getLong("rows");
        return rs.wasNull() ? -1 : rows;
    }

    @Override
    public SqlStatement maxKey(SideTable table) {
        return new SqlStatement("SELECT MAX(" + keyList(table) + ") FROM " + from(table), List.of());
    }

    @Override
    public SqlStatement minKey(SideTable table) {
        return new SqlStatement("SELECT MIN(" + keyList(table) + ") FROM " + from(table), List.of());
    }

    /** Pushed down: one aggregate query per chunk, so only three numbers cross the network. */
    @Override
    public ChunkChecksum checksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        SqlStatement stmt = checksum(table, range, hash);
        try (PreparedStatement ps = connection.prepareStatement(stmt.sql())) {
            bind(ps, stmt.params());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return readChecksum(rs);
            }
        }
    }

    /**
     * Streams {@code SELECT <canonical columns> FROM t WHERE <range>} (no ORDER BY: sums do not depend on row order)
     * as a server-side prepared statement, so values arrive in the binary protocol: integers, DOUBLE and temporal
     * values as fixed binary forms the server does not convert to text (the costliest part of the pushdown
     * encoding), text and DECIMAL as text. Each value's bytes are deterministic for its value and type, the same on
     * both sides, and distinct for distinct values; FLOAT is widened, text converted to utf8mb4 and JSON normalised by
     * the same {@link #canonical} expressions as the pushdown query. Rows stream one at a time
     * ({@code fetchSize = Integer.MIN_VALUE}), so memory stays flat whatever the chunk size.
     */
    @Override
    public ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        return streamedChecksum(connection, table, range, hash, null);
    }

    @Override
    public boolean keepsRowHashes() {
        return true;
    }

    /**
     * Keeps keys and hashes when {@code keep} is given and the key is one integer column, read from the same
     * stream (the key is one of the hashed columns).
     */
    @Override
    public ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                          io.parity.core.KeyedRowHashes keep) throws SQLException {
        int keyColumn = -1;
        if (keep != null && table.key().size() == 1
                && table.key().get(0).kind() == io.parity.schema.ColumnKind.INTEGER) {
            keyColumn = table.columnNames().indexOf(table.key().get(0).name());
        }
        if (keep != null && keyColumn < 0) {
            keep.giveUp();
        }
        SqlStatement stmt = hashedRows(table, range);
        RowHasher hasher = new RowHasher(hash);
        com.mysql.cj.jdbc.JdbcConnection mysql = connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class);
        try (PreparedStatement ps = mysql.serverPrepareStatement(stmt.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            bind(ps, stmt.params());
            try (ResultSet rs = ps.executeQuery()) {
                if (BinaryRowPackets.hashAll(rs, hasher, keyColumn, keyColumn < 0 ? null : keep) < 0) {
                    BinaryRowPackets.hashThroughJdbc(rs, hasher);
                    if (keep != null) {
                        keep.giveUp();
                    }
                }
            }
        }
        ChunkChecksum sum = hasher.result();
        if (keep != null) {
            keep.finish(sum);
        }
        return sum;
    }

    /** The rows a streamed checksum hashes: every compared column's canonical expression, unordered. */
    public SqlStatement hashedRows(SideTable table, KeyRange range) {
        StringJoiner select = new StringJoiner(", ");
        table.columns().forEach(c -> select.add(canonical(c)));
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(from(table));
        where(sql, params, table, range, true);
        return new SqlStatement(sql.toString(), params);
    }

    /** The aggregate query: {@code SELECT COUNT(*), <sum A>, <sum B> FROM t WHERE <range> [AND (<where>)]}. */
    public SqlStatement checksum(SideTable table, KeyRange range, HashAlgorithm hash) {
        String row = rowEncoding(table.columns());
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*), ").append(hashSums(row, hash))
                .append(" FROM ").append(from(table));
        where(sql, params, table, range, true);
        return new SqlStatement(sql.toString(), params);
    }

    /**
     * <pre>
     * SELECT `id` FROM (SELECT `id`, ROW_NUMBER() OVER (ORDER BY `id`) AS parity_rn FROM `s`.`t`
     *   WHERE `id` &gt; ? AND `id` &lt;= ?) parity_x WHERE parity_rn % ? = 0 ORDER BY `id`
     * </pre>
     */
    @Override
    public boolean supportsBucketChecksums() {
        return true;
    }

    @Override
    public SqlStatement splitKeys(SideTable table, KeyRange range, long every) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(keyList(table)).append(" FROM (SELECT ")
                .append(keyList(table)).append(", ROW_NUMBER() OVER (ORDER BY ").append(keyList(table))
                .append(") AS parity_rn FROM ").append(from(table));
        where(sql, params, table, range, true);
        sql.append(") parity_x WHERE parity_rn % ? = 0 ORDER BY ").append(keyList(table));
        params.add(every);
        return new SqlStatement(sql.toString(), params);
    }

    /**
     * <pre>
     * SELECT CASE WHEN `id` &lt;= ? THEN 0 WHEN `id` &lt;= ? THEN 1 ELSE 2 END AS parity_bucket, COUNT(*), ...
     *   FROM `s`.`t` WHERE ... GROUP BY 1
     * </pre>
     */
    @Override
    public SqlStatement bucketChecksums(SideTable table, KeyRange range, List<KeyValues> splits, HashAlgorithm hash) {
        List<Object> params = new ArrayList<>();
        List<String> keys = table.key().stream().map(c -> quote(c.name())).toList();
        StringBuilder sql = new StringBuilder("SELECT CASE");
        for (int i = 0; i < splits.size(); i++) {
            sql.append(" WHEN ");
            KeyPredicates.append(sql, params, keys, new KeyRange(null, splits.get(i)));
            sql.append(" THEN ").append(i);
        }
        sql.append(" ELSE ").append(splits.size()).append(" END AS parity_bucket, COUNT(*), ")
                .append(hashSums(rowEncoding(table.columns()), hash)).append(" FROM ").append(from(table));
        where(sql, params, table, range, true);
        sql.append(" GROUP BY 1"); // by position: a column named parity_bucket would win over the alias
        return new SqlStatement(sql.toString(), params);
    }

    @Override
    public boolean supportsEvenBuckets() {
        return true;
    }

    /**
     * <pre>
     * SELECT (`id` - ?) DIV ? AS parity_bucket, COUNT(*), ... FROM `s`.`t` WHERE `id` &gt; ? AND `id` &lt;= ?
     *   GROUP BY 1
     * </pre>
     * Measured on the benchmark: 12-20% more than the plain checksum of the same range (the GROUP BY's temporary
     * table), where a {@code CASE} over split keys costs about 30% more and needs the split keys read first.
     */
    @Override
    public SqlStatement evenBucketChecksums(SideTable table, io.parity.core.EvenBuckets buckets, HashAlgorithm hash) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT (").append(quote(table.key().get(0).name()))
                .append(" - ?) DIV ? AS parity_bucket, COUNT(*), ").append(hashSums(rowEncoding(table.columns()), hash))
                .append(" FROM ").append(from(table));
        params.add(buckets.base());
        params.add(buckets.width());
        where(sql, params, table, buckets.range(), true);
        sql.append(" GROUP BY 1"); // by position: a column named parity_bucket would win over the alias
        return new SqlStatement(sql.toString(), params);
    }

    @Override
    public java.util.Map<Integer, ChunkChecksum> readBuckets(ResultSet rs) throws SQLException {
        java.util.Map<Integer, ChunkChecksum> buckets = new java.util.HashMap<>();
        while (rs.next()) {
            ChunkChecksum sum = new ChunkChecksum(rs.getLong(2), exact(rs.getBigDecimal(3)),
                    exact(rs.getBigDecimal(4)));
            if (buckets.put(rs.getInt(1), sum) != null) {
                // Never let one bucket's rows replace another's: that could hide a difference.
                throw new IllegalStateException("bucket " + rs.getInt(1) + " came back twice");
            }
        }
        return buckets;
    }

    /** Two summed 32-bit hashes would need CRC32C, which MySQL lacks; MD5's first 64 bits summed instead. */
    protected String hashSums(String row, HashAlgorithm hash) {
        String function = digest(hash);
        // CAST keeps the 64-bit value an exact integer: SUM over CONV's string result would be a DOUBLE and round.
        return "COALESCE(SUM(CAST(CONV(LEFT(" + function + "(" + row + "), 16), 16, 10) AS UNSIGNED)), 0), 0";
    }

    private String digest(HashAlgorithm hash) {
        return switch (hash) {
            case SHA1 -> "SHA1";
            case MD5 -> "MD5";
            default -> throw new IllegalArgumentException(hash + " is not available on " + describe());
        };
    }

    @Override
    public SqlStatement rows(SideTable table, KeyRange range) {
        StringJoiner select = keySelect(table, false);
        table.columns().forEach(c -> select.add("CONCAT(" + canonical(c) + ")"));
        return ordered(table, range, select);
    }

    @Override
    public boolean supportsRowHashes() {
        return true;
    }

    /**
     * Server hashing: {@code SELECT <key>, LEFT(SHA1(<row encoding>), 16) FROM t WHERE <range> ORDER BY <key>}, a
     * range scan in primary-key order that returns the first 64 bits of each row's digest as hex, the same bits the
     * checksum query sums (parsed here instead of with {@code CONV}, which costs the server more than the digest).
     * Client hashing: the key and the canonical columns through a server-side prepared statement, hashed with
     * {@link RowHasher} exactly as {@link #streamedChecksum} does. Either way the listing is read whole; callers bound
     * the range.
     */
    @Override
    public io.parity.core.RowHashes rowHashes(Connection connection, SideTable table, KeyRange range,
                                                   HashAlgorithm hash, io.parity.core.Hashing hashing, int limit)
            throws SQLException {
        RowHasher sums = new RowHasher(hash);
        List<io.parity.core.HashedRow> rows = new ArrayList<>();
        int first = keyColumnCount(table) + 1;
        boolean client = hashing == io.parity.core.Hashing.CLIENT;
        SqlStatement stmt = client ? keyedRows(table, range) : rowHashQuery(table, range, hash);
        if (limit > 0) {
            List<Object> params = new ArrayList<>(stmt.params());
            params.add(limit + 1);
            stmt = new SqlStatement(stmt.sql() + " LIMIT ?", params);
        }
        PreparedStatement ps = client
                ? connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).serverPrepareStatement(stmt.sql())
                : connection.prepareStatement(stmt.sql());
        try (ps) {
            bind(ps, stmt.params());
            int columns = table.columns().size();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (limit > 0 && rows.size() == limit) {
                        return new io.parity.core.RowHashes(List.of(), sums.result(), false);
                    }
                    RowImage key = keyImage(rs, table);
                    if (client) {
                        sums.beginRow();
                        for (int i = 0; i < columns; i++) {
                            sums.value(rs.getBytes(first + i));
                        }
                        sums.endRow();
                    } else if (hash == HashAlgorithm.CRC64) {
                        sums.add(rs.getLong(first), rs.getLong(first + 1));
                    } else {
                        sums.add(hex64(rs.getBytes(first)), 0);
                    }
                    rows.add(new io.parity.core.HashedRow(key, sums.rowA(), sums.rowB()));
                }
            }
        }
        return new io.parity.core.RowHashes(rows, sums.result(), true);
    }

    /** The pushed-down listing query of {@link #rowHashes} (server hashing). */
    public SqlStatement rowHashQuery(SideTable table, KeyRange range, HashAlgorithm hash) {
        StringJoiner select = keySelect(table, false);
        select.add(rowHash(rowEncoding(table.columns()), hash));
        return ordered(table, range, select);
    }

    /** The per-row hash columns of {@link #rowHashQuery}: the digest's first 16 hex digits. */
    protected String rowHash(String row, HashAlgorithm hash) {
        return "LEFT(" + digest(hash) + "(" + row + "), 16)";
    }

    /**
     * The client-hashing listing query: key, sort weights and canonical columns in key order. Key columns other than
     * numbers and bytes are read through {@code CONCAT}, so they arrive as the server's text in the binary protocol too
     * and bind back exactly.
     */
    public SqlStatement keyedRows(SideTable table, KeyRange range) {
        StringJoiner select = keySelect(table, true);
        table.columns().forEach(c -> select.add(canonical(c)));
        return ordered(table, range, select);
    }

    private StringJoiner keySelect(SideTable table, boolean keysAsText) {
        StringJoiner select = new StringJoiner(", ");
        for (Column c : table.key()) {
            boolean text = keysAsText && switch (c.kind()) {
                case INTEGER, DECIMAL, FLOAT, DOUBLE, BINARY -> false;
                default -> true;
            };
            select.add(text ? "CONCAT(" + quote(c.name()) + ")" : quote(c.name()));
        }
        table.key().stream().filter(Column::collated).forEach(c -> select.add("WEIGHT_STRING(" + quote(c.name()) + ")"));
        return select;
    }

    private SqlStatement ordered(SideTable table, KeyRange range, StringJoiner select) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(from(table));
        where(sql, params, table, range, true);
        sql.append(" ORDER BY ").append(keyList(table));
        return new SqlStatement(sql.toString(), params);
    }

    private static int keyColumnCount(SideTable table) {
        return table.key().size() + (int) table.key().stream().filter(Column::collated).count();
    }

    /** The key and sort weights at the start of a row laid out by {@link #keySelect}. */
    private RowImage keyImage(ResultSet rs, SideTable table) throws SQLException {
        KeyValues key = readKey(rs, table);
        byte[][] weights = new byte[table.key().size()][];
        int index = table.key().size();
        for (int i = 0; i < table.key().size(); i++) {
            if (table.key().get(i).collated()) {
                weights[i] = rs.getBytes(++index);
            }
        }
        return new RowImage(key, weights, NO_VALUES);
    }

    private static final byte[][] NO_VALUES = new byte[0][];

    /** Parses 16 hex digits (the server's lower-case digest text) as an unsigned 64-bit value. */
    static long hex64(byte[] text) {
        if (text == null || text.length != 16) {
            throw new IllegalStateException("expected 16 hex digits of a row digest, got "
                    + (text == null ? "NULL" : text.length + " bytes"));
        }
        long v = 0;
        for (byte b : text) {
            int d = Character.digit(b, 16);
            if (d < 0) {
                throw new IllegalStateException("not a hex digit in a row digest: " + (char) b);
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /**
     * {@code WHERE k IN (?, ...)} for a one-column key, {@code (a = ? AND b = ?) OR ...} for a composite one (which
     * the range optimiser turns into point lookups on the primary key), plus the table filter, in key order.
     */
    @Override
    public SqlStatement rowsByKeys(SideTable table, List<KeyValues> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys to read");
        }
        StringJoiner select = keySelect(table, false);
        table.columns().forEach(c -> select.add("CONCAT(" + canonical(c) + ")"));
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(from(table))
                .append(" WHERE (");
        List<String> cols = table.key().stream().map(c -> quote(c.name())).toList();
        if (cols.size() == 1) {
            StringJoiner marks = new StringJoiner(", ", cols.get(0) + " IN (", ")");
            keys.forEach(k -> {
                marks.add("?");
                params.add(k.get(0));
            });
            sql.append(marks);
        } else {
            StringJoiner any = new StringJoiner(" OR ");
            for (KeyValues k : keys) {
                StringJoiner all = new StringJoiner(" AND ", "(", ")");
                for (int i = 0; i < cols.size(); i++) {
                    all.add(cols.get(i) + " = ?");
                    params.add(k.get(i));
                }
                any.add(all.toString());
            }
            sql.append(any);
        }
        sql.append(')');
        if (table.where() != null) {
            sql.append(" AND (").append(table.where()).append(')');
        }
        sql.append(" ORDER BY ").append(keyList(table));
        return new SqlStatement(sql.toString(), params);
    }

    /** The row encoding described in the class javadoc. */
    public String rowEncoding(List<Column> columns) {
        StringJoiner parts = new StringJoiner(", ", "CONCAT_WS('#', ", ")");
        columns.forEach(c -> parts.add(canonical(c)));
        StringJoiner nulls = new StringJoiner(", ", "CONCAT(", ")");
        columns.stream().filter(Column::nullable).forEach(c -> nulls.add("ISNULL(" + quote(c.name()) + ")"));
        if (columns.stream().anyMatch(Column::nullable)) {
            parts.add(nulls.toString());
        }
        StringJoiner lengths = new StringJoiner(", ", "CONCAT_WS(',', ", ")");
        columns.stream().filter(c -> c.kind().isFreeForm()).forEach(c -> lengths.add("LENGTH(" + canonical(c) + ")"));
        if (columns.stream().anyMatch(c -> c.kind().isFreeForm())) {
            parts.add(lengths.toString());
        }
        return parts.toString();
    }

    /** A column's value as the exact text or bytes both sides must agree on. */
    public String canonical(Column column) {
        String q = quote(column.name());
        return switch (column.kind()) {
            case FLOAT -> "CAST(" + q + " AS DOUBLE)";
            case BIT -> "(" + q + " + 0)";
            case TEXT -> isUtf8mb4(column) ? q : "CONVERT(" + q + " USING utf8mb4)";
            case JSON -> canonicalJson(q);
            case UNSUPPORTED -> throw new IllegalStateException("column " + column.name() + " has unsupported type "
                    + column.columnType());
            default -> q;
        };
    }

    /** MySQL prints JSON in one normal form already. */
    protected String canonicalJson(String quoted) {
        return quoted;
    }

    private static boolean isUtf8mb4(Column column) {
        return column.charset() == null || column.charset().equalsIgnoreCase("utf8mb4");
    }

    private String from(SideTable table) {
        return quote(table.ref().schema()) + "." + quote(table.ref().table());
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

    /** Temporal keys stay in the server's text, which binds back exactly and sorts like the server. */
    private static Object keyValue(ResultSet rs, int index, Column column) throws SQLException {
        return switch (column.kind()) {
            case INTEGER -> {
                Object v = rs.getObject(index);
                yield v instanceof BigInteger big ? big : ((Number) v).longValue();
            }
            case DECIMAL -> rs.getBigDecimal(index);
            case FLOAT, DOUBLE -> rs.getDouble(index);
            case BINARY -> rs.getBytes(index);
            default -> rs.getString(index);
        };
    }

    /** Reads the row of {@link #checksum(SideTable, KeyRange, HashAlgorithm)}. */
    public ChunkChecksum readChecksum(ResultSet rs) throws SQLException {
        return new ChunkChecksum(rs.getLong(1), exact(rs.getBigDecimal(2)), exact(rs.getBigDecimal(3)));
    }

    private static BigInteger exact(BigDecimal value) {
        return value == null ? BigInteger.ZERO : value.toBigIntegerExact();
    }

    @Override
    public RowImage readRow(ResultSet rs, SideTable table) throws SQLException {
        KeyValues key = readKey(rs, table);
        int index = table.key().size();
        byte[][] weights = new byte[table.key().size()][];
        for (int i = 0; i < table.key().size(); i++) {
            if (table.key().get(i).collated()) {
                weights[i] = rs.getBytes(++index);
            }
        }
        byte[][] values = new byte[table.columns().size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getBytes(++index);
        }
        return new RowImage(key, weights, values);
    }
}
