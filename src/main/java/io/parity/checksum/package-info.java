/**
 * Chunk checksums on both sides at once: {@link io.parity.checksum.ChecksumPlan} decides once per run where rows are
 * hashed and with which hash, from what was asked and what both engines offer; {@link io.parity.checksum.ChunkChecksummer}
 * runs each side's query (one pushed-down aggregate, or rows streamed and hashed in Java) and the narrowing queries both
 * engines have; {@link io.parity.checksum.Fence} reads the destination only once it applied what the source showed.
 *
 * <p>Default {@code hash: sha1} with server hashing: {@code COUNT(*)} and the exact sum of the first 64 bits of SHA1 of
 * each row's encoding. Re-measured on the benchmark shape (2M rows, 8 columns, all nullable, MariaDB 10.11;
 * pt-table-checksum's row checksum = 1.0): SHA1-64 summed 1.8, CRC32 + CRC32C summed 2.2 (the encoding is built twice:
 * no single SQL expression can feed one row encoding to two functions; a user variable looked like it could, but MariaDB
 * reads it as a statement constant), one CRC32 summed 1.25 (32 bits only, and linear), the encoding without the length
 * list 1.1 (not separator-safe). SHA1 is non-linear, so equal changes on several rows cannot cancel, and 64 bits per
 * row make a missed changed row a 2^-64 event.
 */
package io.parity.checksum;
