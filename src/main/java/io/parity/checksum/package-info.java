/**
 * Chunk checksums, run on both sides at once. Each side's dialect computes them: MySQL and MariaDB push one aggregate
 * query down to the server; the generic JDBC dialect (H2) streams the chunk's rows and sums the same kind of hashes in
 * Java.
 *
 * <p>Why CRC32 + CRC32C summed (the MariaDB default, {@code hash: crc64}): measured on MariaDB 10.11, 1M rows of the
 * benchmark shape, one query, warm cache (pt-table-checksum's {@code BIT_XOR(CRC32(CONCAT_WS(...)))} = 1.0):
 * length-prefixing every column 3.1; CONCAT_WS with a NULL bitmap and a length list 1.15 for one CRC32 sum,
 * 2.0 for CRC32 + CRC32C, 2.6 for the first 64 bits of MD5, 1.75 for SHA1; two MD5 halves 5.0. String conversion
 * dominates, so the encoding matters more than the hash. One 32-bit CRC summed would be cheapest but CRC is linear:
 * the same bit change on two rows leaves the sum unchanged whenever the rows differ in exactly the changed bits
 * (probability 2^-popcount, about 2^-16); a second, independent polynomial squares that. MD5 is offered where
 * CRC32C is missing (MySQL 8).
 */
package io.parity.checksum;
