package io.parity.engine.mysql;

import com.mysql.cj.MysqlType;
import com.mysql.cj.result.Field;
import io.parity.core.RowSink;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Hands a streamed row's values on to a {@link RowSink} with every integer (TINYINT to BIGINT, MEDIUMINT, YEAR) in one
 * form whatever its column's width: 8 bytes, little-endian two's complement, or for a {@code BIGINT UNSIGNED} above
 * 2^63 - 1 its 8 bytes and a ninth, {@code 0x01}. In the binary protocol an integer is as wide as its column, so an
 * {@code INT} on one side and a {@code BIGINT} on the other (a key widened by the migration) gave every equal row two
 * hashes and every chunk a difference that only the rows' read then cleared; the ninth byte keeps {@code -1} and
 * 2^64 - 1 apart. Values of other types pass unchanged.
 */
final class WidenedIntegers extends ColumnRowSink {

    /** Per column: 0 not an integer, else its width in bytes. */
    private final int[] width;
    private final boolean[] unsigned;
    private final byte[] widened = new byte[9];

    private WidenedIntegers(RowSink sink, int[] width, boolean[] unsigned) {
        super(sink);
        this.width = width;
        this.unsigned = unsigned;
    }

    /**
     * {@code sink} itself when none of the {@code count} result columns from {@code from} (1-based) is an integer,
     * else a sink that widens those that are. The types come from Connector/J's column definitions, or from JDBC's
     * types for another driver's result.
     */
    static RowSink around(RowSink sink, ResultSetMetaData columns, int from, int count) throws SQLException {
        Field[] fields = columns instanceof com.mysql.cj.jdbc.result.ResultSetMetaData cj ? cj.getFields() : null;
        int[] width = new int[count];
        boolean[] unsigned = new boolean[count];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            int column = from + i;
            if (fields != null) {
                width[i] = integerWidth(fields[column - 1].getMysqlTypeId());
                unsigned[i] = fields[column - 1].isUnsigned();
            } else {
                width[i] = switch (columns.getColumnType(column)) {
                    case Types.TINYINT -> 1;
                    case Types.SMALLINT -> 2;
                    case Types.INTEGER -> 4;
                    case Types.BIGINT -> 8;
                    default -> 0;
                };
                unsigned[i] = !columns.isSigned(column);
            }
            any |= width[i] > 0;
        }
        return any ? new WidenedIntegers(sink, width, unsigned) : sink;
    }

    /** {@link #around(RowSink, ResultSetMetaData, int, int)} over every column of the result. */
    static RowSink around(RowSink sink, ResultSetMetaData columns) throws SQLException {
        return around(sink, columns, 1, columns.getColumnCount());
    }

    /** The binary-protocol width of an integer type, 0 for any other type. */
    static int integerWidth(int type) {
        return switch (type) {
            case MysqlType.FIELD_TYPE_TINY -> 1;
            case MysqlType.FIELD_TYPE_SHORT, MysqlType.FIELD_TYPE_YEAR -> 2;
            case MysqlType.FIELD_TYPE_INT24, MysqlType.FIELD_TYPE_LONG -> 4;
            case MysqlType.FIELD_TYPE_LONGLONG -> 8;
            default -> 0;
        };
    }

    @Override
    public void value(byte[] v, int offset, int n) {
        int i = column++;
        if (width[i] == 0 || n != width[i]) {
            sink.value(v, offset, n); // not an integer, or not in its binary form: as it came
            return;
        }
        long x = BinaryRowPackets.littleEndian(v, offset, n, unsigned[i]);
        for (int b = 0; b < 8; b++) {
            widened[b] = (byte) (x >>> (8 * b));
        }
        boolean above = n == 8 && unsigned[i] && x < 0;   // a BIGINT UNSIGNED past the signed range
        widened[8] = 1;
        sink.value(widened, 0, above ? 9 : 8);
    }
}
