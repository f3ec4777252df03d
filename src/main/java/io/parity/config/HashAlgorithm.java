package io.parity.config;

import java.util.Locale;

/**
 * The per-row hash a chunk checksum sums. Both are summed (never XOR-ed), so duplicates and even numbers of identical
 * changes cannot cancel; they differ in cost and in engine support. See {@code io.parity.checksum} for the measurements
 * behind the default.
 */
public enum HashAlgorithm {
    /** CRC32 and CRC32C of the row encoding, each summed: 64 hash bits per row. Needs MariaDB 10.8+. The default. */
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
