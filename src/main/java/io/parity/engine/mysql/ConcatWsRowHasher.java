package io.parity.engine.mysql;

import com.mysql.cj.MysqlType;
import com.mysql.cj.result.Field;
import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.RowDigest;
import io.parity.core.RowHasher;
import io.parity.core.RowSink;

import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds {@link MySqlEncoding#rowEncoding}, byte for byte, from the values {@link MySqlChecksums#encodedColumns}
 * streams in the binary protocol, and hashes it as the server's aggregate query does: so a chunk's checksum is the
 * same whether the server computes it or Parity does ({@code hashing: auto}).
 *
 * <p>The server sends integers, dates, datetimes, timestamps and times as binary values; this class prints them as
 * the server prints them inside {@code CONCAT_WS} (decimal digits; {@code YYYY-MM-DD}, {@code HH:MM:SS} with as many
 * fractional digits as the value's type has; TIME hours past 24 and a sign). Every other value arrives as the very
 * text the encoding holds (the query wraps it in {@code CONCAT()}), but for DECIMAL, whose stored text this class
 * trims as the encoding does. The NULL bitmap comes from which values are NULL, and the lengths part is the byte
 * lengths of the free-form values, which arrive unchanged. Values this class cannot print exactly (a
 * temporal type with more than 6 fractional digits, an unknown binary type) make {@link #of} return {@code null}, and
 * the chunk is then checksummed by the server.
 *
 * <p>Not thread-safe: one per chunk and side.
 */
final class ConcatWsRowHasher implements RowSink {

    private static final int BYTES = 0;
    private static final int SIGNED = 1;
    private static final int UNSIGNED = 2;
    private static final int DATE = 3;
    private static final int DATETIME = 4;
    private static final int TIME = 5;
    private static final int TRIMMED_DECIMAL = 6;

    private final int[] forms;
    private final int[] decimals;
    private final boolean[] lengthTagged;
    private final boolean[] nullable;
    private final boolean hasBitmap;
    private final int values;
    private final boolean hasLengths;
    private final RowDigest row;
    private final RowHasher sums;
    private final int[] lengths;
    private final boolean[] nulls;
    private byte[] buf = new byte[512];
    private int pos;
    private int column;
    private boolean first;

    private ConcatWsRowHasher(int[] forms, int[] decimals, boolean[] lengthTagged, boolean[] nullable,
                              HashAlgorithm hash) {
        this.forms = forms;
        this.decimals = decimals;
        this.lengthTagged = lengthTagged;
        this.nullable = nullable;
        this.hasBitmap = anyTrue(nullable);
        this.values = forms.length;
        this.hasLengths = anyTrue(lengthTagged);
        this.sums = new RowHasher(hash);
        this.row = new RowDigest(hash);
        this.lengths = new int[values];
        this.nulls = new boolean[values];
    }

    /**
     * The hasher for a result of {@code fields}: the table's columns first, then (when {@code bitmap}) the NULL bitmap
     * column; {@code lengthTagged} says which columns' byte lengths the encoding's last part lists. Null when a field
     * is one this class cannot print as the server does.
     */
    static ConcatWsRowHasher of(Field[] fields, List<Part> parts, HashAlgorithm hash) {
        int values = parts.size();
        if (fields.length != values) {
            return null;
        }
        int[] forms = new int[values];
        int[] decimals = new int[values];
        boolean[] tagged = new boolean[values];
        boolean[] nullable = new boolean[values];
        for (int i = 0; i < values; i++) {
            tagged[i] = parts.get(i).lengthTagged();
            nullable[i] = parts.get(i).nullable();
            int form = form(fields[i]);
            if (parts.get(i).trimmedDecimal()) {
                if (fields[i].getMysqlTypeId() != MysqlType.FIELD_TYPE_NEWDECIMAL) {
                    return null;
                }
                form = TRIMMED_DECIMAL;
            }
            if (form < 0 || (form == DATETIME || form == TIME) && fields[i].getDecimals() > 6) {
                return null;
            }
            forms[i] = form;
            decimals[i] = form == DATETIME || form == TIME ? fields[i].getDecimals() : 0;
        }
        return new ConcatWsRowHasher(forms, decimals, tagged, nullable, hash);
    }

    /**
     * What the encoding does with one column besides printing it.
     *
     * @param nullable       whether the column is in the NULL bitmap
     * @param lengthTagged   whether its byte length is in the lengths part (free-form values that are not large)
     * @param trimmedDecimal whether it arrives as stored DECIMAL text that the encoding trims: trailing fractional
     *                       zeros, then a bare point, go
     */
    record Part(boolean nullable, boolean lengthTagged, boolean trimmedDecimal) {
    }

    private static int form(Field field) {
        int type = field.getMysqlTypeId();
        switch (type) {
            case MysqlType.FIELD_TYPE_TINY, MysqlType.FIELD_TYPE_SHORT, MysqlType.FIELD_TYPE_INT24,
                 MysqlType.FIELD_TYPE_LONG, MysqlType.FIELD_TYPE_LONGLONG -> {
                // ZEROFILL is printed padded by the server; such columns are selected as text (see encodedColumns)
                return field.isZeroFill() ? -1 : field.isUnsigned() ? UNSIGNED : SIGNED;
            }
            case MysqlType.FIELD_TYPE_DATE -> {
                return DATE;
            }
            case MysqlType.FIELD_TYPE_DATETIME, MysqlType.FIELD_TYPE_TIMESTAMP -> {
                return DATETIME;
            }
            case MysqlType.FIELD_TYPE_TIME -> {
                return TIME;
            }
            case MysqlType.FIELD_TYPE_VARCHAR, MysqlType.FIELD_TYPE_VAR_STRING, MysqlType.FIELD_TYPE_STRING,
                 MysqlType.FIELD_TYPE_TINY_BLOB, MysqlType.FIELD_TYPE_BLOB, MysqlType.FIELD_TYPE_MEDIUM_BLOB,
                 MysqlType.FIELD_TYPE_LONG_BLOB, MysqlType.FIELD_TYPE_JSON, MysqlType.FIELD_TYPE_NEWDECIMAL,
                 MysqlType.FIELD_TYPE_NULL -> {
                return BYTES;
            }
            default -> {
                return -1;
            }
        }
    }

    @Override
    public void beginRow() {
        pos = 0;
        column = 0;
        first = true;
    }

    @Override
    public void value(byte[] v, int offset, int n) {
        int c = column++;
        nulls[c] = false;
        lengths[c] = n;
        separator();
        switch (forms[c]) {
            case SIGNED -> integer(v, offset, n, false);
            case UNSIGNED -> integer(v, offset, n, true);
            case DATE -> date(v, offset, n);
            case DATETIME -> datetime(v, offset, n, decimals[c]);
            case TIME -> time(v, offset, n, decimals[c]);
            case TRIMMED_DECIMAL -> trimmedDecimal(v, offset, n);
            default -> bytes(v, offset, n);
        }
    }

    @Override
    public void nullValue() {
        nulls[column++] = true;
    }

    @Override
    public void endRow() {
        if (hasBitmap) {
            // CONCAT(ISNULL(a), ...): every canonical value is NULL exactly when its column is
            separator();
            for (int c = 0; c < values; c++) {
                if (nullable[c]) {
                    put(nulls[c] ? (byte) '1' : (byte) '0');
                }
            }
        }
        if (hasLengths) {
            separator();
            boolean firstLength = true;
            for (int c = 0; c < values; c++) {
                if (lengthTagged[c] && !nulls[c]) {
                    if (!firstLength) {
                        put((byte) ',');
                    }
                    firstLength = false;
                    digits(lengths[c]);
                }
            }
        }
        row.hash(buf, 0, pos);
        sums.add(row.a(), row.b());
    }

    @Override
    public long rowA() {
        return row.a();
    }

    @Override
    public long rowB() {
        return row.b();
    }

    @Override
    public ChunkChecksum result() {
        return sums.result();
    }

    /** {@code CONCAT_WS} puts its separator between the values that are not NULL. */
    private void separator() {
        if (!first) {
            put((byte) '#');
        }
        first = false;
    }

    private void integer(byte[] v, int offset, int n, boolean unsigned) {
        long x = BinaryRowPackets.littleEndian(v, offset, n, unsigned);
        if (unsigned && x < 0) {
            ascii(Long.toUnsignedString(x));
        } else {
            digits(x);
        }
    }

    /** {@code YYYY-MM-DD}: the binary DATE is 0 bytes (zero date) or 4 (year, month, day). */
    private void date(byte[] v, int o, int n) {
        int year = n >= 4 ? (v[o] & 0xFF) | (v[o + 1] & 0xFF) << 8 : 0;
        padded(year, 4);
        put((byte) '-');
        padded(n >= 4 ? v[o + 2] & 0xFF : 0, 2);
        put((byte) '-');
        padded(n >= 4 ? v[o + 3] & 0xFF : 0, 2);
    }

    /** The binary DATETIME is 0, 4, 7 or 11 bytes: the date, then hour, minute, second, then microseconds. */
    private void datetime(byte[] v, int o, int n, int fraction) {
        date(v, o, n);
        put((byte) ' ');
        clock(n >= 7 ? v[o + 4] & 0xFF : 0, n >= 7 ? v[o + 5] & 0xFF : 0, n >= 7 ? v[o + 6] & 0xFF : 0);
        micros(n >= 11 ? le32(v, o + 7) : 0, fraction);
    }

    /** The binary TIME is 0, 8 or 12 bytes: sign, days, hour, minute, second, then microseconds. */
    private void time(byte[] v, int o, int n, int fraction) {
        boolean negative = n >= 8 && v[o] != 0;
        long days = n >= 8 ? le32(v, o + 1) & 0xFFFFFFFFL : 0;
        long hours = days * 24 + (n >= 8 ? v[o + 5] & 0xFF : 0);
        if (negative) {
            put((byte) '-');
        }
        if (hours < 10) {
            put((byte) '0');
        }
        digits(hours);
        put((byte) ':');
        padded(n >= 8 ? v[o + 6] & 0xFF : 0, 2);
        put((byte) ':');
        padded(n >= 8 ? v[o + 7] & 0xFF : 0, 2);
        micros(n >= 12 ? le32(v, o + 8) : 0, fraction);
    }

    /**
     * {@code IF(LOCATE('.', t) > 0, TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM t)), t)} of the DECIMAL's text:
     * with a point, trailing zeros and then a trailing point go ({@code 1.50} is {@code 1.5}, {@code 2.00} is
     * {@code 2}); an integer's text stays whole.
     */
    private void trimmedDecimal(byte[] v, int offset, int n) {
        bytes(v, offset, MySqlEncoding.trimmedDecimalLength(v, offset, n));
    }

    private void clock(int hour, int minute, int second) {
        padded(hour, 2);
        put((byte) ':');
        padded(minute, 2);
        put((byte) ':');
        padded(second, 2);
    }

    /** The first {@code fraction} of the six microsecond digits, after a point; nothing when the type has none. */
    private void micros(int micros, int fraction) {
        if (fraction == 0) {
            return;
        }
        put((byte) '.');
        int divisor = 100_000;
        for (int i = 0; i < fraction; i++) {
            put((byte) ('0' + (micros / divisor) % 10));
            divisor /= 10;
        }
    }

    private static int le32(byte[] v, int o) {
        return (v[o] & 0xFF) | (v[o + 1] & 0xFF) << 8 | (v[o + 2] & 0xFF) << 16 | (v[o + 3] & 0xFF) << 24;
    }

    private void padded(int x, int width) {
        int div = 1;
        for (int i = 1; i < width; i++) {
            div *= 10;
        }
        while (div > 1 && x < div) {
            put((byte) '0');
            div /= 10;
        }
        digits(x);
    }

    private void digits(long x) {
        if (x == Long.MIN_VALUE) {
            ascii(Long.toString(x));
            return;
        }
        if (x < 0) {
            put((byte) '-');
            x = -x;
        }
        int start = pos;
        do {
            put((byte) ('0' + x % 10));
            x /= 10;
        } while (x > 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    private void bytes(byte[] v, int offset, int n) {
        ensure(n);
        System.arraycopy(v, offset, buf, pos, n);
        pos += n;
    }

    private void put(byte b) {
        if (pos == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[pos++] = b;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    private static boolean anyTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }
}
