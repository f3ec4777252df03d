package io.parity.config;

/**
 * Run options from the spec's {@code options:} block.
 *
 * @param chunkRows   rows per checksum chunk, the unit of work, restart and report
 * @param parallelism partitions checked at once; each queries both sides concurrently
 * @param hash        per-row hash; {@code null} means the dialect's default
 */
public record Options(int chunkRows, int parallelism, HashAlgorithm hash) {

    public static final int DEFAULT_CHUNK_ROWS = 10_000;
    public static final int DEFAULT_PARALLELISM = 2;

    public static Options defaults() {
        return new Options(DEFAULT_CHUNK_ROWS, DEFAULT_PARALLELISM, null);
    }
}
