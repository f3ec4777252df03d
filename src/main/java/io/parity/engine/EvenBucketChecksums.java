package io.parity.engine;

import io.parity.core.ChunkChecksum;
import io.parity.core.EvenBuckets;
import io.parity.core.HashAlgorithm;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Count and hash sums per bucket of {@code buckets} in one scan of their range, the bucket computed by integer
 * arithmetic on the key ({@code (key - base) DIV width}), so no split keys are read first. Their sum is the range's
 * checksum, so this can stand in for the chunk checksum of a range that is likely to differ.
 */
public interface EvenBucketChecksums {

    SqlStatement evenBucketChecksums(SideTable table, EvenBuckets buckets, HashAlgorithm hash);

    /** The result, by bucket number; buckets without rows are absent. */
    Map<Integer, ChunkChecksum> readBuckets(ResultSet rs) throws SQLException;
}
