package io.parity.core;

/** Source and destination checksums of the same key range. */
public record ChecksumPair(ChunkChecksum source, ChunkChecksum destination) {

    public boolean matches() {
        return source.equals(destination);
    }

    /** The larger row count, which bounds how many rows reconciling this range may read. */
    public long maxRows() {
        return Math.max(source.rows(), destination.rows());
    }
}
