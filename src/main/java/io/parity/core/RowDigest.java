package io.parity.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * One row's 64-bit hash of its encoded bytes, as the servers compute it: for {@code crc64} its CRC32 and CRC32C, for a
 * digest ({@code sha1}, {@code md5}) the digest's first 64 bits and zero (see {@link RowHasher#add(long, long)}).
 * Not thread-safe: one per hasher.
 */
public final class RowDigest {

    private final MessageDigest digest;
    private final CRC32 crc32 = new CRC32();
    private final CRC32C crc32c = new CRC32C();
    private long a;
    private long b;

    public RowDigest(HashAlgorithm hash) {
        try {
            this.digest = switch (hash) {
                case SHA1 -> MessageDigest.getInstance("SHA-1");
                case MD5 -> MessageDigest.getInstance("MD5");
                case CRC64 -> null;
            };
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hash + " is not available in this JVM", e);
        }
    }

    /** Hashes {@code length} bytes of {@code bytes} from {@code offset}; the halves are then {@link #a} and {@link #b}. */
    public void hash(byte[] bytes, int offset, int length) {
        if (digest == null) {
            crc32.reset();
            crc32.update(bytes, offset, length);
            crc32c.reset();
            crc32c.update(bytes, offset, length);
            a = crc32.getValue();
            b = crc32c.getValue();
            return;
        }
        digest.update(bytes, offset, length);
        byte[] d = digest.digest();
        long first64 = 0;
        for (int i = 0; i < 8; i++) {
            first64 = (first64 << 8) | (d[i] & 0xFF);
        }
        a = first64;
        b = 0;
    }

    public long a() {
        return a;
    }

    public long b() {
        return b;
    }

    /** Whether this is a digest (sums carry past 64 bits) rather than the CRC pair (two plain sums). */
    public boolean isDigest() {
        return digest != null;
    }
}
