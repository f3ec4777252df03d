package io.parity.engine;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Narrowing a mismatching range: split keys from one index scan, then checksums per bucket in one scan per side. */
public interface BucketChecksums {

    /**
     * Keys that cut {@code range} (under the table filter) into buckets of {@code every} rows: the key of every
     * {@code every}-th row, in key order, read with {@link ChunkQueries#readKey}.
     */
    SqlStatement splitKeys(SideTable table, KeyRange range, long every);

    /**
     * Count and hash sums per bucket: bucket {@code i} holds the keys in {@code (splits[i-1], splits[i]]}, the last one
     * {@code (splits[n-1], range.upper]}. Rows: bucket number, count, sum A, sum B; read with {@link #readBuckets}.
     */
    SqlStatement bucketChecksums(SideTable table, KeyRange range, List<KeyValues> splits, HashAlgorithm hash);

    /** The result of a bucket query, by bucket number; buckets without rows are absent. */
    Map<Integer, ChunkChecksum> readBuckets(ResultSet rs) throws SQLException;
}
