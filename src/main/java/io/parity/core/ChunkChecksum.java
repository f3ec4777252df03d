package io.parity.core;

import java.math.BigInteger;

/**
 * What one side's checksum query returns for one chunk: the row count and two sums of per-row hashes. Sums, unlike
 * XOR, keep duplicates (two equal rows add twice) and do not cancel equal changes on an even number of rows; the count
 * catches missing and extra rows even if a hash collides. Equal checksums are taken as equal chunks.
 *
 * @param rows  rows in the chunk after the table's filter
 * @param sumA  sum of the first per-row hash (exact, no overflow)
 * @param sumB  sum of the second per-row hash, or zero when the algorithm has one
 */
public record ChunkChecksum(long rows, BigInteger sumA, BigInteger sumB) {

    public static final ChunkChecksum EMPTY = new ChunkChecksum(0, BigInteger.ZERO, BigInteger.ZERO);

    /** The checksum of the union of two disjoint row sets: counts and sums add (the reason sums are kept exact). */
    public ChunkChecksum plus(ChunkChecksum other) {
        return new ChunkChecksum(rows + other.rows, sumA.add(other.sumA), sumB.add(other.sumB));
    }
}
