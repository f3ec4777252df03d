package io.parity.engine.mysql;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.HashedRow;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
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
import io.parity.engine.support.PortableValues;
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
 * Chunk checksums of MySQL and MariaDB in the portable encoding, for comparing with another engine: rows streamed
 * ({@code fetchSize = Integer.MIN_VALUE}) and hashed in Java over {@link PortableValues}, the bytes the other engine
 * hashes for the same values. The server's own encodings are MySQL's alone, so only listings hashed in Java are
 * offered besides: a differing chunk is listed (keys and hashes) and only its differing rows are read whole.
 */
class MySqlPortableChecksums implements ChecksumQueries, RowHashListings, KeyedRowHashListings {

    private final MySqlSql sql;
    private final MySqlPortableRows rows;

    MySqlPortableChecksums(MySqlSql sql, MySqlPortableRows rows) {
        this.sql = sql;
        this.rows = rows;
    }

    @Override
    public String encoding() {
        return PortableValues.ENCODING;
    }

    @Override
    public ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        StringJoiner select = new StringJoiner(", ");
        table.columns().forEach(c -> select.add(rows.raw(c)));
        List<Object> params = new ArrayList<>();
        StringBuilder text = new StringBuilder("SELECT ").append(select).append(" FROM ").append(sql.from(table.ref()));
        sql.where(text, params, table, range, true);
        RowHasher hasher = new RowHasher(hash);
        try (PreparedStatement ps = MySqlSql.streaming(connection, new SqlStatement(text.toString(), params));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                hasher.add(MySqlPortableRows.values(rs, table, 0));
            }
        }
        return hasher.result();
    }

    @Override
    public Optional<ServerChecksums> server() {
        return Optional.empty();
    }

    @Override
    public Optional<KeyedStreaming> keyedStreaming() {
        return Optional.empty();
    }

    @Override
    public Optional<RowHashListings> listings() {
        return Optional.of(this);
    }

    @Override
    public Optional<KeyedRowHashListings> keyed() {
        return Optional.of(this);
    }

    /**
     * A listing hashed in Java: the range's rows streamed in key order, each row's key (and sort weights) kept with
     * the hash of its portable values, the same values {@link #streamedChecksum} hashes, so the listing's checksum is
     * the streamed checksum of the range. A differing chunk then costs the keys and hashes of its rows instead of
     * every value of every row held at once.
     */
    @Override
    public RowHashes rowHashes(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                               Hashing hashing, int limit) throws SQLException {
        SqlStatement stmt = listing(table, range, hashing, limit);
        RowHasher sums = new RowHasher(hash);
        List<HashedRow> listed = new ArrayList<>();
        try (PreparedStatement ps = MySqlSql.streaming(connection, stmt); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (limit > 0 && listed.size() == limit) {
                    return new RowHashes(List.of(), sums.result(), false);
                }
                RowImage row = rows.readRow(rs, table);
                sums.add(row.values());
                listed.add(new HashedRow(new RowImage(row.key(), row.sortWeights(), NO_VALUES), sums.rowA(),
                        sums.rowB()));
            }
        }
        return new RowHashes(listed, sums.result(), true);
    }

    private static final byte[][] NO_VALUES = new byte[0][];

    /** A listing's query: the rows in key order, one more than {@code limit} when {@code limit > 0} (a cut range). */
    private SqlStatement listing(SideTable table, KeyRange range, Hashing hashing, int limit) {
        if (hashing != Hashing.CLIENT) {
            throw new IllegalArgumentException("the portable encoding of MySQL and MariaDB is hashed in Java only");
        }
        SqlStatement stmt = rows.rows(table, range);
        return limit > 0 ? stmt.limit(limit + 1) : stmt;
    }

    /**
     * {@link #rowHashes} kept as keys and hashes: the one integer key is the row's first column, its values follow
     * (an integer key has no sort weights).
     */
    @Override
    public KeyedRowHashes keyedRowHashes(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                         Hashing hashing, int limit, int expected) throws SQLException {
        if (!table.singleIntegerKey() || MySqlSql.keyColumnCount(table) != 1) {
            throw new IllegalArgumentException(table.ref() + " is not keyed on one integer column");
        }
        SqlStatement stmt = listing(table, range, hashing, limit);
        RowHasher sums = new RowHasher(hash);
        KeyedRowHashes keep = new KeyedRowHashes(limit > 0 ? limit : Integer.MAX_VALUE, expected);
        try (PreparedStatement ps = MySqlSql.streaming(connection, stmt); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long key = rs.getLong(1);
                sums.add(MySqlPortableRows.values(rs, table, 1));
                keep.add(key, sums.rowA(), sums.rowB());
            }
        }
        keep.finish(sums.result());
        return keep;
    }

    @Override
    public Optional<BucketChecksums> buckets() {
        return Optional.empty();
    }

    @Override
    public Optional<EvenBucketChecksums> evenBuckets() {
        return Optional.empty();
    }

    @Override
    public Optional<RowGroups> rowGroups() {
        return Optional.empty();
    }
}
