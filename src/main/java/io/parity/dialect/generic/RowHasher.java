package io.parity.dialect.generic;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.parity.checksum.ChunkChecksum;
import io.parity.config.HashAlgorithm;

import java.math.BigInteger;

/**
 * Sums per-row hashes of streamed rows into a {@link ChunkChecksum}, with the same model as the pushdown dialects:
 * a row count and the sums of two independent 32-bit hashes (CRC32 and CRC32C for {@code crc64}), or of the first 64
 * bits of MD5 (for {@code md5}). Sums, never XOR, so duplicates and equal changes on an even number of rows do not
 * cancel.
 *
 * <p>The row encoding is NULL-safe and length-tagged: per column, a marker byte ({@code 0} for NULL, {@code 1} for a
 * value), then for a value its byte length (4 bytes) and its canonical bytes ({@link CanonicalValues}). So NULL
 * differs from {@code ''}, and {@code ('x0','y')} from {@code ('x','0y')}, without any separator.
 */
final class RowHasher {

    @SuppressWarnings("deprecation") // MD5 here is a checksum, as on the server, not a security measure
    private static final HashFunction MD5 = Hashing.md5();

    private final HashAlgorithm hash;
    private long rows;
    private long sumA;        // unsigned: at most 2^32 per row, so exact up to 2^32 rows
    private long sumB;
    private BigInteger md5Sum = BigInteger.ZERO;

    RowHasher(HashAlgorithm hash) {
        this.hash = hash;
    }

    void add(byte[][] values) {
        rows++;
        if (hash == HashAlgorithm.MD5) {
            byte[] digest = encode(MD5.newHasher(), values).hash().asBytes();
            long first64 = java.nio.ByteBuffer.wrap(digest, 0, 8).getLong();
            md5Sum = md5Sum.add(new BigInteger(Long.toUnsignedString(first64)));
            return;
        }
        sumA += Integer.toUnsignedLong(encode(Hashing.crc32().newHasher(), values).hash().asInt());
        sumB += Integer.toUnsignedLong(encode(Hashing.crc32c().newHasher(), values).hash().asInt());
    }

    static Hasher encode(Hasher hasher, byte[][] values) {
        for (byte[] v : values) {
            if (v == null) {
                hasher.putByte((byte) 0);
            } else {
                hasher.putByte((byte) 1).putInt(v.length).putBytes(v);
            }
        }
        return hasher;
    }

    ChunkChecksum result() {
        if (hash == HashAlgorithm.MD5) {
            return new ChunkChecksum(rows, md5Sum, BigInteger.ZERO);
        }
        return new ChunkChecksum(rows, new BigInteger(Long.toUnsignedString(sumA)),
                new BigInteger(Long.toUnsignedString(sumB)));
    }
}
