package io.parity.engine.mysql;

import io.parity.core.ChunkChecksum;
import io.parity.core.RowSink;

/**
 * A {@link RowSink} that hands every value of a streamed row on to another, knowing which column each value is of
 * ({@link #column}, advanced by the subclass's {@link #value(byte[], int, int)} and by {@link #nullValue()}), so that a
 * subclass can change the values of some columns on the way.
 */
abstract class ColumnRowSink implements RowSink {

    final RowSink sink;
    /** The column of the next value. */
    int column;

    ColumnRowSink(RowSink sink) {
        this.sink = sink;
    }

    @Override
    public void beginRow() {
        column = 0;
        sink.beginRow();
    }

    @Override
    public void nullValue() {
        column++;
        sink.nullValue();
    }

    @Override
    public void endRow() {
        sink.endRow();
    }

    @Override
    public long rowA() {
        return sink.rowA();
    }

    @Override
    public long rowB() {
        return sink.rowB();
    }

    @Override
    public ChunkChecksum result() {
        return sink.result();
    }
}
