package io.parity.engine.mysql;

import com.mysql.cj.protocol.FullReadInputStream;
import com.mysql.cj.protocol.ResultsetRows;
import com.mysql.cj.protocol.a.NativePacketPayload;
import com.mysql.cj.protocol.a.NativeProtocol;
import com.mysql.cj.protocol.a.result.ResultsetRowsStreaming;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Arrays;

/**
 * The packets of a streamed Connector/J result read straight off the connection's input stream into one reused
 * buffer: no header object, row object or NULL array per row, no lock per call. Profiled on the benchmark, Connector/J's
 * per-row machinery ({@code NativePacketHeader}, {@code BinaryBufferRow}, its NULL bitmask) was most of the client
 * CPU a hashed row cost.
 *
 * <p>The protocol is the one Connector/J itself reads a streamed row with: a 4-byte header (3-byte little-endian
 * length, sequence), then the payload; a payload of exactly 2^24 - 1 bytes continues in the next packet. A binary
 * row starts with {@code 0x00}, an error with {@code 0xFF}; the result ends with an EOF packet (or, when the server
 * deprecated EOF, an OK packet marked {@code 0xFE}). Errors and the end are handed to Connector/J's own
 * {@link NativeProtocol#checkErrorMessage} and {@link NativeProtocol#readServerStatusForResultSets}, and the
 * streaming result is then closed by Connector/J's own code (its {@code noMoreRows} flag set, one last
 * {@code next()}), so the connection is left exactly as after reading the rows through JDBC.
 *
 * <p>Needs two private fields of {@link ResultsetRowsStreaming}; when another driver version lacks them,
 * {@link #open} returns {@code null} and the rows are read through Connector/J's rows.
 */
final class RowPacketStream implements AutoCloseable {

    private static final int MAX_PACKET = 0xFFFFFF;
    private static final VarHandle NO_MORE_ROWS;
    private static final VarHandle PROTOCOL;

    static {
        VarHandle noMore = null;
        VarHandle protocol = null;
        try {
            MethodHandles.Lookup lookup =
                    MethodHandles.privateLookupIn(ResultsetRowsStreaming.class, MethodHandles.lookup());
            noMore = lookup.findVarHandle(ResultsetRowsStreaming.class, "noMoreRows", boolean.class);
            protocol = lookup.findVarHandle(ResultsetRowsStreaming.class, "protocol", NativeProtocol.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            noMore = null;
            protocol = null;
        }
        NO_MORE_ROWS = noMore;
        PROTOCOL = protocol;
    }

    /**
     * The longest row read: 1 GiB, the protocol's own limit. Not the connection's {@code max_allowed_packet}, which
     * bounds what the client sends: a server sends longer rows (two 9 MB LONGBLOBs under a 16 MB limit), and
     * Connector/J reads them too.
     */
    static final int MAX_ROW = 1 << 30;

    private final ResultsetRows rows;
    private final NativeProtocol protocol;
    private final FullReadInputStream in;
    private final boolean eofDeprecated;
    private final int maxAllowed;
    private final byte[] head = new byte[4];
    private byte[] buf = new byte[16 * 1024];
    private int length;
    private boolean ended;

    private RowPacketStream(ResultsetRows rows, NativeProtocol protocol) throws IOException {
        this.rows = rows;
        this.protocol = protocol;
        this.in = protocol.getSocketConnection().getMysqlInput();
        this.eofDeprecated = protocol.getServerSession().isEOFDeprecated();
        this.maxAllowed = MAX_ROW;
    }

    /**
     * A stream over {@code rows} when they are a Connector/J streaming result of which nothing was read yet, else
     * {@code null} (the caller reads them through Connector/J).
     */
    static RowPacketStream open(ResultsetRows rows) {
        if (NO_MORE_ROWS == null || !(rows instanceof ResultsetRowsStreaming<?> streaming)
                || (boolean) NO_MORE_ROWS.get(streaming) || !rows.isBeforeFirst()) {
            return null;
        }
        try {
            NativeProtocol protocol = (NativeProtocol) PROTOCOL.get(streaming);
            return protocol == null ? null : new RowPacketStream(rows, protocol);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads the next packet: true when it is a row, now in {@link #buffer()} from 0 to {@link #length()}; false at
     * the end of the result. A server error raises Connector/J's exception for it (a {@code CJException}); a broken
     * connection an {@link SQLException} with SQLState {@code 08S01}, as Connector/J reports a lost link.
     */
    boolean next() throws SQLException {
        if (ended) {
            return false;
        }
        length = 0;
        int part;
        do {
            part = readHeader();
            if ((long) length + part > maxAllowed) {
                throw lost(new IOException("a row of " + ((long) length + part) + " bytes is larger than"
                        + " the protocol allows (" + maxAllowed + ")"));
            }
            if (length + part > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + part));
            }
            readFully(buf, length, part);
            length += part;
        } while (part == MAX_PACKET);
        int first = length == 0 ? -1 : buf[0] & 0xFF;
        if (first == 0x00) {
            return true;
        }
        NativePacketPayload packet = new NativePacketPayload(Arrays.copyOf(buf, length));
        if (first == 0xFF) {
            ended = true;
            protocol.checkErrorMessage(packet); // throws the server's error as Connector/J reports it
        }
        packet.setPosition(0);
        if (first == 0xFE && (eofDeprecated ? packet.isResultSetOKPacket() : packet.isEOFPacket())) {
            ended = true;
            protocol.readServerStatusForResultSets(packet, true);
            return false;
        }
        ended = true;
        throw lost(new IOException("unexpected packet in a binary result (first byte " + first + ", " + length
                + " bytes)"));
    }

    byte[] buffer() {
        return buf;
    }

    int length() {
        return length;
    }

    /** The packet just read, as Connector/J's payload, for reading a row through Connector/J's own row classes. */
    NativePacketPayload payload() {
        NativePacketPayload packet = new NativePacketPayload(Arrays.copyOf(buf, length));
        packet.setPosition(0);
        return packet;
    }

    NativeProtocol protocol() {
        return protocol;
    }

    /** Lets Connector/J close its streaming result as after its own last row, whether or not the end was read. */
    @Override
    public void close() {
        NO_MORE_ROWS.set((ResultsetRowsStreaming<?>) rows, true);
        rows.next();
    }

    private int readHeader() throws SQLException {
        readFully(head, 0, 4);
        return (head[0] & 0xFF) | (head[1] & 0xFF) << 8 | (head[2] & 0xFF) << 16;
    }

    private void readFully(byte[] into, int offset, int n) throws SQLException {
        try {
            if (in.readFully(into, offset, n) != n) {
                throw new IOException("the server closed the connection");
            }
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** The connection can no longer be trusted: closed at once, as Connector/J closes it on a read failure. */
    private SQLException lost(IOException e) {
        ended = true;
        try {
            protocol.getSocketConnection().forceClose();
        } catch (RuntimeException ignored) {
            // closing is best effort; the failure is what matters
        }
        return new SQLNonTransientConnectionException("Communications link failure while rows streamed: "
                + e.getMessage(), "08S01", e);
    }
}
