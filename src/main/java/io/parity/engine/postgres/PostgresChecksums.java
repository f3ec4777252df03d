package io.parity.engine.postgres;

import io.parity.core.ChunkChecksum;
import io.parity.core.EvenBuckets;
import io.parity.core.HashAlgorithm;
import io.parity.core.HashedRow;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.KeyedRowHashes;
import io.parity.core.RowHasher;
import io.parity.core.RowHashes;
import io.parity.core.RowImage;
import io.parity.engine.BucketChecksums;
import io.parity.engine.ChecksumQueries;
import io.parity.engine.EvenBucketChecksums;
import io.parity.engine.KeyedRowHashListings;
import io.parity.engine.KeyedStreaming;
import io.parity.engine.RowGroups;
import io.parity.engine.RowHashListings;
import io.parity.engine.ServerChecksums;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.ChecksumRows;
import io.parity.engine.support.PortableValues;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chunk checksums on PostgreSQL in both places. Client hashing streams the range's rows and hashes their portable
 * canonical values ({@link PortableValues}) in Java, which is also how PostgreSQL compares with MySQL or MariaDB. Server
 * hashing needs no extension: the first 64 bits of the MD5 of {@link PostgresEncoding}'s row text with the top bit
 * cleared, summed exactly, so the sum is the one {@link RowHasher} makes of the same per-row hashes in a listing:
 *
 * <pre>
 * SELECT count(*), COALESCE(sum((('x' || substr(md5(&lt;row encoding&gt;), 1, 16))::bit(64)::bigint
 *        &amp; 9223372036854775807)), 0), 0 FROM "s"."t" WHERE "id" &gt; ? AND "id" &lt;= ?
 * </pre>
 */
final class PostgresChecksums implements ChecksumQueries, ServerChecksums, RowHashListings, KeyedRowHashListings,
        RowGroups {

    private final PostgresSql sql;
    private final PostgresRows rows;
    private final PostgresEncoding encoding;

    PostgresChecksums(PostgresSql sql, PostgresRows rows, PostgresEncoding encoding) {
        this.sql = sql;
        this.rows = rows;
        this.encoding = encoding;
    }

    @Override
    public String encoding() {
        return PortableValues.ENCODING;
    }

    @Override
    public ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        SqlStatement stmt = valuesOf(table, range);
        RowHasher hasher = new RowHasher(hash);
        try (PreparedStatement ps = PostgresRows.streaming(connection, stmt); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                hasher.add(PostgresRows.values(rs, table, 0));
            }
        } finally {
            connection.commit();
        }
        return hasher.result();
    }

    /** The compared columns of a range, unordered: sums do not depend on row order. */
    private SqlStatement valuesOf(SideTable table, KeyRange range) {
        StringBuilder select = new StringBuilder();
        table.columns().forEach(c -> select.append(select.isEmpty() ? "" : ", ").append(sql.quote(c.name())));
        List<Object> params = new ArrayList<>();
        StringBuilder text = new StringBuilder("SELECT ").append(select).append(" FROM ").append(sql.from(table.ref()));
        sql.where(text, params, table, range, true);
        return new SqlStatement(text.toString(), params);
    }

    // --- server checksums

    @Override
    public Optional<ServerChecksums> server() {
        return Optional.of(this);
    }

    @Override
    public String serverEncoding() {
        return PostgresEncoding.NAME;
    }

    @Override
    public List<HashAlgorithm> hashes() {
        return List.of(HashAlgorithm.MD5);
    }

    @Override
    public ChunkChecksum checksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        requireMd5(hash);
        List<Object> params = new ArrayList<>();
        StringBuilder text = new StringBuilder("SELECT count(*), COALESCE(sum(")
                .append(encoding.rowHash63(table.columns())).append("), 0), 0 FROM ").append(sql.from(table.ref()));
        sql.where(text, params, table, range, true);
        SqlStatement stmt = new SqlStatement(text.toString(), params);
        try (PreparedStatement ps = stmt.prepare(connection); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return ChecksumRows.read(rs, 1);
        }
    }

    private static void requireMd5(HashAlgorithm hash) {
        if (hash != HashAlgorithm.MD5) {
            throw new IllegalArgumentException(hash + " is not computed by PostgreSQL without extensions");
        }
    }

    // --- listings

    @Override
    public Optional<RowHashListings> listings() {
        return Optional.of(this);
    }

    @Override
    public Optional<KeyedRowHashListings> keyed() {
        return Optional.of(this);
    }

    /** {@link #rowHashes} kept as keys and hashes: the one integer key is the row's first column. */
    @Override
    public KeyedRowHashes keyedRowHashes(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                         Hashing hashing, int limit, int expected) throws SQLException {
        if (!table.singleIntegerKey()) {
            throw new IllegalArgumentException(table.ref() + " is not keyed on one integer column");
        }
        boolean client = hashing == Hashing.CLIENT;
        SqlStatement stmt = listing(table, range, hash, client, limit);
        RowHasher sums = new RowHasher(hash);
        KeyedRowHashes keep = new KeyedRowHashes(limit > 0 ? limit : Integer.MAX_VALUE, expected);
        try (PreparedStatement ps = PostgresRows.streaming(connection, stmt); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long key = rs.getLong(1);
                hashRow(rs, table, 1, client, sums);
                keep.add(key, sums.rowA(), sums.rowB());
            }
        } finally {
            connection.commit();
        }
        keep.finish(sums.result());
        return keep;
    }

    @Override
    public RowHashes rowHashes(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                               Hashing hashing, int limit) throws SQLException {
        boolean client = hashing == Hashing.CLIENT;
        SqlStatement stmt = listing(table, range, hash, client, limit);
        RowHasher sums = new RowHasher(hash);
        List<HashedRow> listed = new ArrayList<>();
        int keyColumns = table.key().size();
        try (PreparedStatement ps = PostgresRows.streaming(connection, stmt); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (limit > 0 && listed.size() == limit) {
                    return new RowHashes(List.of(), sums.result(), false);
                }
                KeyValues key = rows.readKey(rs, table);
                hashRow(rs, table, keyColumns, client, sums);
                listed.add(new HashedRow(new RowImage(key, PostgresRows.weights(key, table), new byte[0][]),
                        sums.rowA(), sums.rowB()));
            }
        } finally {
            connection.commit();
        }
        return new RowHashes(listed, sums.result(), true);
    }

    /**
     * A listing's query: the key columns, then the compared values (hashed in Java) or the first 16 hex digits of the
     * row's md5 (hashed by the server), in key order; one row more than {@code limit} when {@code limit > 0}, so that
     * a range holding more is seen to be cut.
     */
    private SqlStatement listing(SideTable table, KeyRange range, HashAlgorithm hash, boolean client, int limit) {
        if (!client) {
            requireMd5(hash);
        }
        String select = client ? keysAndValues(table)
                : keys(table) + ", substr(" + encoding.rowDigest(table.columns()) + ", 1, 16)";
        SqlStatement stmt = sql.ordered(table, range, select);
        return limit > 0 ? stmt.limit(limit + 1) : stmt;
    }

    /** Adds a listed row's hash, whose values or server digest follow its {@code keyColumns} key columns. */
    private static void hashRow(ResultSet rs, SideTable table, int keyColumns, boolean client, RowHasher sums)
            throws SQLException {
        if (client) {
            sums.add(PostgresRows.values(rs, table, keyColumns));
        } else {
            sums.add(Long.parseUnsignedLong(rs.getString(keyColumns + 1), 16) & Long.MAX_VALUE, 0);
        }
    }

    private String keys(SideTable table) {
        StringBuilder keys = new StringBuilder();
        table.key().forEach(c -> keys.append(keys.isEmpty() ? "" : ", ").append(sql.quote(c.name())));
        return keys.toString();
    }

    private String keysAndValues(SideTable table) {
        StringBuilder select = new StringBuilder(keys(table));
        table.columns().forEach(c -> select.append(", ").append(sql.quote(c.name())));
        return select.toString();
    }

    // --- tables without a key

    @Override
    public Optional<RowGroups> rowGroups() {
        return Optional.of(this);
    }

    @Override
    public String rowHashEncoding() {
        return PostgresEncoding.NAME;
    }

    @Override
    public SqlStatement hashCounts(SideTable table) {
        return SqlStatement.of("SELECT parity_row, count(*) FROM (SELECT " + encoding.rowDigest(table.columns())
                + " AS parity_row FROM " + sql.from(table.ref()) + (table.where() == null ? "" : " WHERE ("
                + table.where() + ")") + ") r GROUP BY parity_row ORDER BY parity_row COLLATE \"C\"");
    }

    @Override
    public PreparedStatement streaming(Connection connection, SqlStatement statement) throws SQLException {
        return PostgresRows.streaming(connection, statement);
    }

    // --- not offered

    @Override
    public Optional<KeyedStreaming> keyedStreaming() {
        return Optional.empty();
    }

    @Override
    public Optional<BucketChecksums> buckets() {
        return Optional.empty();
    }

    // --- even buckets

    @Override
    public Optional<EvenBucketChecksums> evenBuckets() {
        return Optional.of(new EvenBucketChecksums() {
            /**
             * <pre>
             * SELECT ("id" - ?) / ? AS parity_bucket, count(*), COALESCE(sum(&lt;row hash&gt;), 0), 0
             *   FROM "s"."t" WHERE "id" &gt; ? AND "id" &lt;= ? GROUP BY 1
             * </pre>
             * Integer division truncates toward zero, which is the floor here: a key of the range is above its lower
             * bound, so {@code key - base} is never negative (and fits: {@link EvenBuckets} spans fit a
             * {@code bigint}). The sums are the chunk checksum's, bucket by bucket.
             */
            @Override
            public SqlStatement evenBucketChecksums(SideTable table, EvenBuckets buckets, HashAlgorithm hash) {
                requireMd5(hash);
                List<Object> params = new ArrayList<>();
                StringBuilder text = new StringBuilder("SELECT (").append(sql.quote(table.key().get(0).name()))
                        .append(" - CAST(? AS bigint)) / CAST(? AS bigint) AS parity_bucket, count(*), COALESCE(sum(")
                        .append(encoding.rowHash63(table.columns())).append("), 0), 0 FROM ")
                        .append(sql.from(table.ref()));
                params.add(buckets.base());
                params.add(buckets.width());
                sql.where(text, params, table, buckets.range(), true);
                text.append(" GROUP BY 1"); // by position: a column named parity_bucket would win over the alias
                return new SqlStatement(text.toString(), params);
            }

            @Override
            public Map<Integer, ChunkChecksum> readBuckets(ResultSet rs) throws SQLException {
                return ChecksumRows.buckets(rs);
            }
        });
    }
}
