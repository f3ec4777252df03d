package io.parity.core;

/**
 * One row as read for reconciliation: its key, the server's sort weights for collated key columns (so that Java orders
 * keys exactly as the server does, case-insensitive collations included), and the canonical bytes of every compared
 * column (null for SQL NULL). Arrays are owned by this value and never handed out for writing.
 */
public record RowImage(KeyValues key, byte[][] sortWeights, byte[][] values) {
}
