package io.parity.dialect;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.RowImage;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Everything engine-specific: session pinning, discovery, the SQL of every query Parity runs against a user database,
 * canonical value encoding and key reading. The engine-neutral code (chunking, reconcile, batch wiring) only talks to
 * this interface, so a new engine is a new implementation beside {@code mysql}.
 */
public interface Dialect {

    /** Engine and version, for reports ({@code MariaDB 10.11.19}). */
    String describe();

    /** Quotes an identifier so any name, reserved word or odd character included, is safe in SQL text. */
    String quote(String identifier);

    /** One statement run on every new connection: pins time zone, character set and sql_mode. */
    String sessionSetup();

    /** The session setup plus a bound on how long a read waits for a metadata lock, so DDL cannot stall it forever. */
    default String sessionSetup(java.time.Duration lockWait) {
        return sessionSetup();
    }

    /** A query returning the server's executed GTID position as one string, or null if the engine has none. */
    default String gtidPositionQuery() {
        return null;
    }

    /**
     * Waits until this server (a replica) has applied {@code position}; the statement returns one row whose first
     * column is 0 when it has, non-zero on timeout. Null if the engine cannot wait.
     */
    default SqlStatement waitForGtid(String position, java.time.Duration timeout) {
        return null;
    }

    /** A query returning the server's count of running threads in its second column, or null if unknown. */
    default String threadsRunningQuery() {
        return null;
    }

    /** A query returning a row when the server is a replica, or null if the engine has no such notion. */
    default String replicaStatusQuery() {
        return null;
    }

    /** The replica's delay in seconds from a row of {@link #replicaStatusQuery()}, or null when unknown. */
    default Long replicaLagSeconds(ResultSet row) throws SQLException {
        return null;
    }

    HashAlgorithm defaultHash();

    /**
     * The name of the row encoding this dialect hashes and compares. Two sides can only be compared when they build
     * the same encoding: MySQL and MariaDB do (server-side {@code CONCAT_WS}); the generic dialect encodes in Java.
     */
    String rowEncodingName();

    boolean supports(HashAlgorithm hash);

    // ---- discovery

    /** The schema (database) a connection's URL selects, or null. */
    String currentSchema(Connection connection) throws SQLException;

    /** Base tables of all user schemas, sorted. */
    List<TableRef> listTables(Connection connection) throws SQLException;

    /** The table's columns and unique keys, or empty when it does not exist. */
    Optional<TableSchema> describe(Connection connection, TableRef table) throws SQLException;

    /** A query that reads nothing but fails when the table is missing (1146) or not readable (1142). */
    default String probe(TableRef table) {
        return "SELECT 1 FROM " + quote(table.schema()) + "." + quote(table.table()) + " WHERE 1 = 0";
    }

    // ---- queries

    /** The key at {@code offset} rows after the start of {@code range} in key order; optionally under the table filter. */
    SqlStatement keyAt(SideTable table, KeyRange range, long offset, boolean filtered);

    /**
     * Count and hash sums of the rows of {@code range} on {@code connection}. Where the hash is computed is the
     * dialect's choice: a pushdown dialect sends one aggregate query (MySQL, MariaDB); the generic dialect streams the
     * rows and hashes them in Java. Either way the result follows the same chunk model, so checksummer, reconcile and
     * store do not know which one ran.
     */
    ChunkChecksum checksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash) throws SQLException;

    /**
     * The same count and sums computed in Java from the streamed rows of {@code range} ({@code hashing: client}), with
     * {@link io.parity.core.RowHasher}: the servers only read and send rows. Every hash is available this way.
     */
    ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException;

    /** Whether the five-argument {@code streamedChecksum} keeps rows' keys and hashes. */
    default boolean keepsRowHashes() {
        return false;
    }

    /**
     * {@link #streamedChecksum}, also keeping each row's key and hash in {@code keep} while the rows stream by, for a
     * table keyed on one integer column. A dialect that cannot keep them marks {@code keep} incomplete.
     */
    default ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                                           io.parity.core.KeyedRowHashes keep) throws SQLException {
        ChunkChecksum sum = streamedChecksum(connection, table, range, hash);
        keep.giveUp();
        keep.finish(sum);
        return sum;
    }

    /**
     * Keys that cut {@code range} (under the table filter) into buckets of {@code every} rows: the key of every
     * {@code every}-th row, in key order. One index scan, however many buckets.
     */
    default SqlStatement splitKeys(SideTable table, KeyRange range, long every) {
        throw new UnsupportedOperationException(describe() + " has no bucket checksums");
    }

    /** Whether {@link #splitKeys} and {@link #bucketChecksums} are available; without them mismatching ranges are read as rows. */
    default boolean supportsBucketChecksums() {
        return false;
    }

    /**
     * Count and hash sums per bucket in one scan: bucket {@code i} holds the keys in {@code (splits[i-1], splits[i]]},
     * the last one {@code (splits[n-1], range.upper]}. Rows: bucket number, count, sum A, sum B.
     */
    default SqlStatement bucketChecksums(SideTable table, KeyRange range, java.util.List<KeyValues> splits,
                                         HashAlgorithm hash) {
        throw new UnsupportedOperationException(describe() + " has no bucket checksums");
    }

    /**
     * Whether {@link #rowEstimate} and {@link #maxKey} are available, so a segment keyed on one integer column can be
     * cut arithmetically (see {@code io.parity.chunk.KeySpans}) instead of walking the key index for every chunk.
     */
    default boolean supportsRowEstimates() {
        return false;
    }

    /**
     * The optimizer's estimate of the rows in {@code range} (table filter ignored, as the index walk ignores it), read
     * with {@link #readRowEstimate}: index dives, not a scan.
     */
    default SqlStatement rowEstimate(SideTable table, KeyRange range) {
        throw new UnsupportedOperationException(describe() + " has no row estimates");
    }

    /** The estimate {@link #rowEstimate} returned; -1 when the server gave none. */
    default long readRowEstimate(ResultSet rs) throws SQLException {
        throw new UnsupportedOperationException(describe() + " has no row estimates");
    }

    /** {@code SELECT MAX(key) FROM t}: one end of the key index. */
    default SqlStatement maxKey(SideTable table) {
        throw new UnsupportedOperationException(describe() + " has no max key query");
    }

    /** {@code SELECT MIN(key) FROM t}: the other end. */
    default SqlStatement minKey(SideTable table) {
        throw new UnsupportedOperationException(describe() + " has no min key query");
    }

    /** Whether {@link #evenBucketChecksums} is available. */
    default boolean supportsEvenBuckets() {
        return false;
    }

    /**
     * Count and hash sums per bucket of {@code buckets} in one scan of their range, the bucket computed by integer
     * arithmetic on the key ({@code (key - base) DIV width}), so no split keys are read first. Rows as
     * {@link #bucketChecksums}, read with {@link #readBuckets}.
     */
    default SqlStatement evenBucketChecksums(SideTable table, io.parity.core.EvenBuckets buckets, HashAlgorithm hash) {
        throw new UnsupportedOperationException(describe() + " has no even bucket checksums");
    }

    /** The result of {@link #bucketChecksums}, by bucket number; buckets without rows are absent. */
    default java.util.Map<Integer, ChunkChecksum> readBuckets(ResultSet rs) throws SQLException {
        throw new UnsupportedOperationException(describe() + " has no bucket checksums");
    }

    /**
     * Whether {@link #rowHashes} is available. With it a differing range is reconciled from one key-ordered scan of
     * row hashes per side, and only rows whose hashes differ are read in full.
     */
    default boolean supportsRowHashes() {
        return false;
    }

    /**
     * The rows of {@code range} (under the table filter) in the server's key order as keys and 64-bit row hashes, and
     * the chunk checksum they sum to, which equals {@link #checksum} (server hashing) or {@link #streamedChecksum}
     * (client hashing) of the same range with the same hash. With {@code limit > 0} at most that many rows are
     * listed, and a range holding more yields an incomplete listing.
     */
    default io.parity.core.RowHashes rowHashes(Connection connection, SideTable table, KeyRange range,
                                                    HashAlgorithm hash, io.parity.core.Hashing hashing, int limit)
            throws SQLException {
        throw new UnsupportedOperationException(describe() + " has no row hash listings");
    }

    /** The rows with these keys (under the table filter) in key order, laid out for {@link #readRow}. */
    default SqlStatement rowsByKeys(SideTable table, List<KeyValues> keys) {
        throw new UnsupportedOperationException(describe() + " cannot read rows by key");
    }

    /** The rows of {@code range} in key order, laid out for {@link #readRow}. */
    SqlStatement rows(SideTable table, KeyRange range);

    // ---- values

    KeyValues readKey(ResultSet rs, SideTable table) throws SQLException;

    RowImage readRow(ResultSet rs, SideTable table) throws SQLException;

    /** Reading rows for repair and rendering repair and undo SQL. */
    RepairSql repairSql();

    default void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
