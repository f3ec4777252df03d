package io.parity.core;

/**
 * One row of a {@link RowHashes} listing: the row's key (as a {@link RowImage} without values, so {@link KeyOrder}
 * orders it exactly as the server does) and its 64-bit row hash, as two halves. Two rows with the same key and equal
 * halves are taken as equal; rows whose halves differ are read in full to name the changed columns.
 *
 * @param key the key and, for collated key columns, the server's sort weights
 * @param a   first half of the row hash: the first 64 bits of a digest, or the row's CRC32
 * @param b   second half: zero for a digest, the row's CRC32C for {@code crc64}
 */
public record HashedRow(RowImage key, long a, long b) {

    public boolean sameHash(HashedRow other) {
        return a == other.a && b == other.b;
    }
}
