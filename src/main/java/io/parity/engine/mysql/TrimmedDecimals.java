package io.parity.engine.mysql;

import io.parity.core.RowSink;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Hands a streamed row's values on to a {@link RowSink} with the DECIMAL columns that {@link MySqlEncoding#canonical}
 * would trim on the server trimmed here instead ({@link MySqlEncoding#trimmedDecimalLength}), so the sink sees the
 * same bytes as when the server trimmed them, and the server only sends the stored value.
 */
final class TrimmedDecimals extends ColumnRowSink {

    private final boolean[] trim;

    private TrimmedDecimals(RowSink sink, boolean[] trim) {
        super(sink);
        this.trim = trim;
    }

    /**
     * {@code sink} itself when no column is trimmed, else a sink that trims the columns {@code trim} marks. Each must
     * arrive as DECIMAL text ({@code columns}: the result's); anything else would be hashed as other bytes than the
     * server's trim gives, so it is refused.
     */
    static RowSink around(RowSink sink, boolean[] trim, ResultSetMetaData columns) throws SQLException {
        boolean any = false;
        for (int i = 0; i < trim.length; i++) {
            if (!trim[i]) {
                continue;
            }
            int type = columns.getColumnType(i + 1);
            if (type != Types.DECIMAL && type != Types.NUMERIC) {
                throw new IllegalStateException("column " + columns.getColumnLabel(i + 1) + " arrived as JDBC type "
                        + type + ", not as DECIMAL text");
            }
            any = true;
        }
        return any ? of(sink, trim) : sink;
    }

    /** A sink that trims the columns {@code trim} marks (by position in the row) and hands every value to {@code sink}. */
    static RowSink of(RowSink sink, boolean[] trim) {
        return new TrimmedDecimals(sink, trim);
    }

    @Override
    public void value(byte[] v, int offset, int n) {
        sink.value(v, offset, trim[column++] ? MySqlEncoding.trimmedDecimalLength(v, offset, n) : n);
    }
}
