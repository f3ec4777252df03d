package io.parity.core;

/**
 * Takes a streamed chunk's rows one column value at a time and hashes each row: {@link RowHasher} over Parity's own
 * length-tagged encoding, or an engine's hasher that rebuilds the server's row encoding in Java so that the row hash
 * equals the one the server computes. Primitive on purpose: this runs once per value.
 */
public interface RowSink {

    void beginRow();

    /** The next column's bytes, {@code null} for SQL NULL. */
    default void value(byte[] v) {
        if (v == null) {
            nullValue();
        } else {
            value(v, 0, v.length);
        }
    }

    /** The next column's bytes: {@code n} bytes of {@code v} from {@code offset}. */
    void value(byte[] v, int offset, int n);

    /** The next column is SQL NULL. */
    void nullValue();

    /** Ends the row and adds its hash to the chunk's sums. */
    void endRow();

    /** The first half of the last row's hash (see {@link RowHasher#add(long, long)}). */
    long rowA();

    /** The second half of the last row's hash. */
    long rowB();

    /** The chunk checksum of every row so far. */
    ChunkChecksum result();
}
