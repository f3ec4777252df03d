package io.parity.engine.mysql;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.protocol.a.result.NativeResultset;
import com.mysql.cj.result.Field;
import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyedRowHashes;
import io.parity.core.RowHasher;
import io.parity.core.RowSink;
import io.parity.engine.BucketChecksums;
import io.parity.engine.ChecksumQueries;
import io.parity.engine.EvenBucketChecksums;
import io.parity.engine.KeyedStreaming;
import io.parity.engine.PacketHashing;
import io.parity.engine.RowGroups;
import io.parity.engine.RowHashListings;
import io.parity.engine.ServerChecksums;
import io.parity.engine.ServerChecksumsInJava;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.ChecksumRows;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Chunk checksums on MySQL and MariaDB, in both places. Server hashing pushes one aggregate query down:
 *
 * <pre>
 * SELECT COUNT(*), COALESCE(SUM(CAST(CONV(LEFT(SHA1(&lt;row encoding&gt;), 16), 16, 10) AS UNSIGNED)), 0), 0
 *   FROM `s`.`t` WHERE `id` &gt; ? AND `id` &lt;= ?
 * </pre>
 *
 * Client hashing streams {@code SELECT <canonical columns> FROM t WHERE <range>} (no ORDER BY: sums do not depend on
 * row order) as a server-side prepared statement, so values arrive in the binary protocol: integers, DOUBLE and
 * temporal values as fixed binary forms the server does not convert to text (the costliest part of the pushdown
 * encoding), text and DECIMAL as text. Each value's bytes are deterministic for its value and type, the same on both
 * sides, and distinct for distinct values; FLOAT is widened, text converted to utf8mb4 and JSON normalised by the same
 * {@link MySqlEncoding#canonical} expressions as the pushdown query. Rows stream one at a time
 * ({@code fetchSize = Integer.MIN_VALUE}), so memory stays flat whatever the chunk size.
 */
class MySqlChecksums implements ChecksumQueries, ServerChecksums, KeyedStreaming, ServerChecksumsInJava, PacketHashing {

    private final MySqlSql sql;
    private final MySqlEncoding encoding;
    private final MySqlListings listings;
    private final MySqlBuckets buckets;

    MySqlChecksums(MySqlSql sql, MySqlEncoding encoding) {
        this.sql = sql;
        this.encoding = encoding;
        this.listings = new MySqlListings(sql, encoding);
        this.buckets = new MySqlBuckets(sql, encoding);
    }

    @Override
    public String encoding() {
        return MySqlEncoding.NAME;
    }

    MySqlEncoding canonical() {
        return encoding;
    }

    @Override
    public Optional<ServerChecksums> server() {
        return Optional.of(this);
    }

    @Override
    public Optional<KeyedStreaming> keyedStreaming() {
        return Optional.of(this);
    }

    @Override
    public Optional<RowHashListings> listings() {
        return Optional.of(listings);
    }

    /** Split keys are every n-th key by {@code ROW_NUMBER()}: none without window functions (MySQL 5.7). */
    @Override
    public Optional<BucketChecksums> buckets() {
        return sql.capabilities().windowFunctions() ? Optional.of(buckets) : Optional.empty();
    }

    @Override
    public Optional<EvenBucketChecksums> evenBuckets() {
        return Optional.of(buckets);
    }

    @Override
    public Optional<RowGroups> rowGroups() {
        return Optional.of(new MySqlRowGroups(sql, encoding));
    }

    @Override
    public Optional<PacketHashing> packetHashing() {
        return Optional.of(this);
    }

    @Override
    public Optional<ServerChecksumsInJava> inJava() {
        return Optional.of(this);
    }

    @Override
    public String serverEncoding() {
        return MySqlEncoding.NAME;
    }

    @Override
    public List<HashAlgorithm> hashes() {
        return encoding.hashes();
    }

    @Override
    public ChunkChecksum checksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        try (PreparedStatement ps = checksumQuery(table, range, hash).prepare(connection);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return ChecksumRows.read(rs, 1);
        }
    }

    /** The aggregate query: {@code SELECT COUNT(*), <sum A>, <sum B> FROM t WHERE <range> [AND (<where>)]}. */
    SqlStatement checksumQuery(SideTable table, KeyRange range, HashAlgorithm hash) {
        List<Object> params = new ArrayList<>();
        StringBuilder query = new StringBuilder("SELECT COUNT(*), ")
                .append(encoding.hashSums(encoding.rowEncoding(table.columns()), hash))
                .append(" FROM ").append(sql.from(table.ref()));
        sql.where(query, params, table, range, true);
        return new SqlStatement(query.toString(), params);
    }

    @Override
    public ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        return streamedChecksum(connection, table, range, hash, null);
    }

    /**
     * Keeps keys and hashes when {@code keep} is given and the key is one integer column, read from the same stream
     * (the key is one of the hashed columns).
     */
    @Override
    public ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                          KeyedRowHashes keep) throws SQLException {
        int key = keptKey(table, keep);
        RowHasher hasher = new RowHasher(hash);
        boolean[] trim = new boolean[table.columns().size()];
        for (int i = 0; i < trim.length; i++) {
            trim[i] = MySqlEncoding.trimsDecimalInJava(table.columns().get(i));
        }
        boolean packets = streamed(connection, hashedRows(table, range), rs -> {
            RowSink sink = WidenedIntegers.around(TrimmedDecimals.around(hasher, trim, rs.getMetaData()),
                    rs.getMetaData());
            if (BinaryRowPackets.hashAll(rs, sink, key, key < 0 ? null : keep) < 0) {
                BinaryRowPackets.hashThroughJdbc(rs, sink);
                return false;
            }
            return true;
        });
        return finish(hasher.result(), keep, packets);
    }

    /**
     * The streamed rows' signature: the encoding, then per column its binary-protocol type, fractional digits,
     * signedness, and whether a DECIMAL is trimmed in Java (which a row hashed whole is not: equal digits then give
     * equal text on both sides, and unequal ones make the signatures differ). Read from the statement's prepare.
     */
    @Override
    public Optional<String> signature(Connection connection, SideTable table) throws SQLException {
        if (!BinaryRowPackets.wholeRowsReadable()) {
            return Optional.empty();
        }
        JdbcConnection mysql = connection.unwrap(JdbcConnection.class);
        try (PreparedStatement ps = mysql.serverPrepareStatement(hashedRows(table, KeyRange.ALL).sql(),
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            if (!(ps instanceof com.mysql.cj.jdbc.ServerPreparedStatement)
                    || !(ps.getMetaData() instanceof com.mysql.cj.jdbc.result.ResultSetMetaData meta)
                    || meta.getFields() == null || meta.getFields().length != table.columns().size()) {
                return Optional.empty();
            }
            StringJoiner signature = new StringJoiner(";", MySqlEncoding.NAME + ":", "");
            Field[] fields = meta.getFields();
            for (int i = 0; i < fields.length; i++) {
                signature.add(fields[i].getMysqlTypeId() + "/" + fields[i].getDecimals()
                        + (fields[i].isUnsigned() ? "u" : "") + (MySqlEncoding.trimsDecimalInJava(table.columns().get(i))
                        ? "t" : ""));
            }
            return Optional.of(signature.toString());
        }
    }

    @Override
    public ChunkChecksum packetChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                       KeyedRowHashes keep) throws SQLException {
        int key = keptKey(table, keep);
        RowHasher hasher = new RowHasher(hash);
        streamed(connection, hashedRows(table, range), rs -> {
            BinaryRowPackets.hashWhole(rs, hasher, key, key < 0 ? null : keep);
            return null;
        });
        return finish(hasher.result(), keep, true);
    }

    /** {@link #keyColumn}, having marked {@code keep} incomplete when it is given and no key can be kept. */
    private static int keptKey(SideTable table, KeyedRowHashes keep) {
        int key = keyColumn(table, keep);
        if (keep != null && key < 0) {
            keep.giveUp();
        }
        return key;
    }

    /** The position of the table's one integer key column among the streamed columns, -1 when none or not kept. */
    private static int keyColumn(SideTable table, KeyedRowHashes keep) {
        if (keep != null && table.key().size() == 1 && table.key().get(0).kind() == ColumnKind.INTEGER) {
            return table.columnNames().indexOf(table.key().get(0).name());
        }
        return -1;
    }

    /** Hands a streamed chunk's sum to {@code keep}, which gave up unless every row was kept from its packet. */
    private static ChunkChecksum finish(ChunkChecksum sum, KeyedRowHashes keep, boolean kept) {
        if (keep != null) {
            if (!kept) {
                keep.giveUp();
            }
            keep.finish(sum);
        }
        return sum;
    }

    /**
     * The rows a streamed checksum hashes: every compared column's canonical expression, unordered, except DECIMALs,
     * selected as stored and trimmed in Java (see {@link MySqlEncoding#streamed}).
     */
    SqlStatement hashedRows(SideTable table, KeyRange range) {
        return columns(table, range, encoding::streamed);
    }

    /** {@code SELECT <each column as given> FROM t WHERE <range> [AND (<where>)]}, unordered. */
    private SqlStatement columns(SideTable table, KeyRange range,
                                 java.util.function.Function<io.parity.schema.Column, String> expression) {
        StringJoiner select = new StringJoiner(", ");
        table.columns().forEach(c -> select.add(expression.apply(c)));
        List<Object> params = new ArrayList<>();
        StringBuilder query = new StringBuilder("SELECT ").append(select).append(" FROM ").append(sql.from(table.ref()));
        sql.where(query, params, table, range, true);
        return new SqlStatement(query.toString(), params);
    }

    /** Streams {@code stmt} as a server-side prepared statement (binary protocol), one row at a time, to {@code read}. */
    private static <T> T streamed(Connection connection, SqlStatement stmt, StreamReader<T> read) throws SQLException {
        JdbcConnection mysql = connection.unwrap(JdbcConnection.class);
        try (PreparedStatement ps = mysql.serverPrepareStatement(stmt.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return read.read(rs);
            }
        }
    }

    private interface StreamReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * The server's checksum computed in Java: {@link #encodedColumns} streamed through a server-side prepared
     * statement and hashed by {@link ConcatWsRowHasher}, which rebuilds the row encoding byte for byte. Falls back to
     * the server's aggregate when a column is one the rebuild cannot print.
     */
    @Override
    public ChunkChecksum checksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                  KeyedRowHashes keep) throws SQLException {
        int keyColumn = keyColumn(table, keep);
        List<ConcatWsRowHasher.Part> parts = table.columns().stream().map(encoding::part).toList();
        int key = keyColumn;
        ConcatWsRowHasher hasher = streamed(connection, encodedColumns(table, range), rs -> {
            Field[] fields = rs.isWrapperFor(NativeResultset.class)
                    ? rs.unwrap(NativeResultset.class).getColumnDefinition().getFields() : null;
            ConcatWsRowHasher h = fields == null ? null : ConcatWsRowHasher.of(fields, parts, hash);
            // hashAll reads every row of a Connector/J result (checked above), so it never returns -1 here
            return h != null && BinaryRowPackets.hashAll(rs, h, key, key < 0 ? null : keep) >= 0 ? h : null;
        });
        if (hasher == null) {
            return finish(checksum(connection, table, range, hash), keep, false);
        }
        return finish(hasher.result(), keep, keyColumn >= 0);
    }

    /**
     * The values {@link ConcatWsRowHasher} rebuilds the row encoding from: each column's part of it (see
     * {@link MySqlEncoding#encodedPart}), unordered.
     */
    SqlStatement encodedColumns(SideTable table, KeyRange range) {
        return columns(table, range, encoding::encodedPart);
    }
}
