/**
 * Parity's core values, which depend on no other Parity package: key values and ranges, chunks, the two sides and
 * one value per side, chunk checksums and the row hasher that defines them, row images, row hash listings, row
 * differences, chunk results, and the failure model ({@link io.parity.core.ParityException} with its
 * {@link io.parity.core.Failure} kind, which only the CLI turns into an exit code), and {@link io.parity.core.PrivateFiles},
 * how every file that holds row data is written (owner-only). Immutable where they are values;
 * {@link io.parity.core.RowHasher} and {@link io.parity.core.KeyedRowHashes} are single-threaded accumulators.
 */
package io.parity.core;
