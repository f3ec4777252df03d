package io.parity.core;

import java.util.Locale;

/**
 * The per-row hash a chunk checksum sums. Both are summed (never XOR-ed), so duplicates and even numbers of identical
 * changes cannot cancel; they differ in cost and in engine support. See {@code io.parity.checksum} for the measurements
 * behind the default.
 */
public enum HashAlgorithm {
    /**
     * The first 64 bits of SHA1 of the row encoding, summed: one non-linear 64-bit hash per row, the encoding built
     * once. The default: measured cheapest of the 64-bit choices (see {@code io.parity.checksum}); any MySQL or
     * MariaDB.
     */
    SHA1,
    /** CRC32 and CRC32C of the row encoding, each summed: 64 hash bits per row, but the encoding is built twice. MariaDB 10.8+. */
    CRC64,
    /** The first 64 bits of MD5 of the row encoding, summed. About 2.5x the server cost of CRC64; any MySQL. */
    MD5;

    public static HashAlgorithm parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
