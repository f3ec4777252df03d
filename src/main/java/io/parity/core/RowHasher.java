package io.parity.core;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Sums per-row hashes of streamed rows into a {@link ChunkChecksum}, with the same model as the pushdown query: a row
 * count and exact sums (never XOR, so duplicates and equal changes on an even number of rows cannot cancel) of either
 * two independent 32-bit hashes (CRC32 and CRC32C, {@code crc64}) or the first 64 bits of a digest ({@code sha1},
 * {@code md5}). Used by every dialect that hashes in Java: the generic JDBC dialect always, MySQL/MariaDB with
 * {@code hashing: client}.
 *
 * <p>The row encoding is NULL-safe and length-tagged: per column, a marker byte ({@code 0} for NULL, {@code 1} for a
 * value), then for a value its byte length (4 bytes, little-endian) and its bytes. So NULL differs from {@code ''},
 * and {@code ('x0','y')} from {@code ('x','0y')}, without any separator. A row is encoded into one reused buffer
 * and hashed in one call per hash function: no per-row or per-column allocation beyond what the driver hands over.
 *
 * <p>Not thread-safe: one hasher per chunk and side.
 */
public final class RowHasher implements RowSink {

    private final RowDigest row;
    private byte[] buf = new byte[512];
    private int pos;
    private long rows;
    private long sumA;   // crc64: sum of CRC32 (at most 2^32 per row: exact up to 2^31 rows); digests: low 64 bits
    private long sumB;   // crc64: sum of CRC32C; digests: the carries out of sumA (bits 64..127)
    private long rowA;
    private long rowB;

    public RowHasher(HashAlgorithm hash) {
        this.row = new RowDigest(hash);
    }

    /** Adds one row given as its columns' canonical bytes ({@code null} for SQL NULL). */
    public void add(byte[][] values) {
        beginRow();
        for (byte[] v : values) {
            value(v);
        }
        endRow();
    }

    @Override
    public void beginRow() {
        pos = 0;
    }

    /** The next column is SQL NULL. */
    @Override
    public void nullValue() {
        ensure(1);
        buf[pos++] = 0;
    }

    /** The next column's canonical bytes: {@code n} bytes of {@code v} from {@code offset}. */
    @Override
    public void value(byte[] v, int offset, int n) {
        ensure(5 + n);
        buf[pos++] = 1;
        buf[pos++] = (byte) n;
        buf[pos++] = (byte) (n >>> 8);
        buf[pos++] = (byte) (n >>> 16);
        buf[pos++] = (byte) (n >>> 24);
        System.arraycopy(v, offset, buf, pos, n);
        pos += n;
    }

    @Override
    public void endRow() {
        row.hash(buf, 0, pos);
        add(row.a(), row.b());
    }

    /**
     * Adds one row given as the bytes that encode it whole ({@code n} bytes of {@code v} from {@code offset}), hashed as
     * they are: a row as the wire carries it (see {@code io.parity.engine.PacketHashing}), instead of column by column.
     */
    public void row(byte[] v, int offset, int n) {
        row.hash(v, offset, n);
        add(row.a(), row.b());
    }

    /**
     * Adds one row whose hash was computed elsewhere (a server's per-row hash in a {@code RowHashes} listing): for a
     * digest, {@code a} is its first 64 bits and {@code b} zero; for {@code crc64}, the row's CRC32 and CRC32C.
     */
    public void add(long a, long b) {
        rows++;
        rowA = a;
        rowB = b;
        if (!row.isDigest()) {
            sumA += a;
            sumB += b;
            return;
        }
        long before = sumA;
        sumA += a;
        if (Long.compareUnsigned(sumA, before) < 0) {
            sumB++;
        }
    }

    /** The first half of the last row's hash (see {@link #add(long, long)}). */
    @Override
    public long rowA() {
        return rowA;
    }

    /** The second half of the last row's hash. */
    @Override
    public long rowB() {
        return rowB;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    @Override
    public ChunkChecksum result() {
        if (!row.isDigest()) {
            return new ChunkChecksum(rows, unsigned(sumA), unsigned(sumB));
        }
        return new ChunkChecksum(rows, unsigned(sumB).shiftLeft(64).add(unsigned(sumA)), BigInteger.ZERO);
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }
}
