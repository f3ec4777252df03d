package io.parity.engine.support;

import io.parity.core.ChunkChecksum;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads the rows of aggregate checksum queries: {@code COUNT(*), sum A, sum B}, sums exact (never a double). */
public final class ChecksumRows {

    private ChecksumRows() {
    }

    /** The checksum in columns {@code first}, {@code first + 1} and {@code first + 2}. */
    public static ChunkChecksum read(ResultSet rs, int first) throws SQLException {
        return new ChunkChecksum(rs.getLong(first), exact(rs.getBigDecimal(first + 1)),
                exact(rs.getBigDecimal(first + 2)));
    }

    /** Rows of {@code bucket, count, sum A, sum B}, by bucket; a bucket that comes back twice is refused. */
    public static Map<Integer, ChunkChecksum> buckets(ResultSet rs) throws SQLException {
        Map<Integer, ChunkChecksum> buckets = new HashMap<>();
        while (rs.next()) {
            if (buckets.put(rs.getInt(1), read(rs, 2)) != null) {
                // Never let one bucket's rows replace another's: that could hide a difference.
                throw new IllegalStateException("bucket " + rs.getInt(1) + " came back twice");
            }
        }
        return buckets;
    }

    private static BigInteger exact(BigDecimal value) {
        return value == null ? BigInteger.ZERO : value.toBigIntegerExact();
    }
}
