package io.parity.engine.mysql;

import com.mysql.cj.conf.PropertyKey;
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
    /** Whether reads may ask for more than the packet needs (see {@link #BLOCK}). */
    private final boolean blockReads;
    /** Bytes read off the connection and not yet handed out: {@code block[at, end)}. */
    private final byte[] block;
    private int at;
    private int end;
    /** Where a packet longer than {@link #block} is joined. */
    private byte[] joined = new byte[0];
    private byte[] current;
    private int offset;
    private int length;
    private boolean ended;

    /**
     * Bytes asked of the connection per read. Connector/J's input stream returns what has arrived (at least one byte,
     * more only while more is available), so a read never waits for bytes the packet does not need; one read then
     * serves many rows, instead of two reads per row, each with the stream's lock and an {@code available()} call
     * (profiled at 10M rows: a fifth of the client CPU of a hashed row). The compressed protocol's stream instead
     * waits until it has all that was asked, which could wait past the result's end: there each read asks for what
     * the packet needs.
     */
    static final int BLOCK = 64 * 1024;

    private RowPacketStream(ResultsetRows rows, NativeProtocol protocol) throws IOException {
        this.rows = rows;
        this.protocol = protocol;
        this.in = protocol.getSocketConnection().getMysqlInput();
        this.eofDeprecated = protocol.getServerSession().isEOFDeprecated();
        this.maxAllowed = MAX_ROW;
        this.blockReads = !protocol.getPropertySet().getBooleanProperty(PropertyKey.useCompression).getValue();
        this.block = new byte[blockReads ? BLOCK : 16 * 1024];
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
        fill(4);
        int part = header(at);
        if (part < MAX_PACKET && 4 + part <= block.length) {
            // the usual case: the whole packet in the block, handed out where it lies
            fill(4 + part);
            current = block;
            offset = at + 4;
            length = part;
            at += 4 + part;
        } else {
            join(part);
        }
        int first = length == 0 ? -1 : current[offset] & 0xFF;
        if (first == 0x00) {
            return true;
        }
        NativePacketPayload packet = new NativePacketPayload(Arrays.copyOfRange(current, offset, offset + length));
        if (first == 0xFF) {
            ended = true;
            protocol.checkErrorMessage(packet); // throws the server's error as Connector/J reports it
        }
        packet.setPosition(0);
        if (first == 0xFE && (eofDeprecated ? packet.isResultSetOKPacket() : packet.isEOFPacket())) {
            ended = true;
            if (at != end) {
                // nothing follows a result's end packet; bytes that did would belong to no one and be lost
                throw lost(new IOException((end - at) + " bytes followed the end of the result"));
            }
            protocol.readServerStatusForResultSets(packet, true);
            return false;
        }
        ended = true;
        throw lost(new IOException("unexpected packet in a binary result (first byte " + first + ", " + length
                + " bytes)"));
    }

    /** A packet longer than the block, or continued in further packets (each 2^24 - 1 bytes but the last): joined. */
    private void join(int part) throws SQLException {
        length = 0;
        while (true) {
            if ((long) length + part > maxAllowed) {
                throw lost(new IOException("a row of " + ((long) length + part) + " bytes is larger than"
                        + " the protocol allows (" + maxAllowed + ")"));
            }
            if (length + part > joined.length) {
                joined = Arrays.copyOf(joined, Math.max(joined.length * 2, length + part));
            }
            at += 4;
            int buffered = Math.min(part, end - at);
            System.arraycopy(block, at, joined, length, buffered);
            at += buffered;
            readFully(joined, length + buffered, part - buffered);
            length += part;
            if (part < MAX_PACKET) {
                break;
            }
            fill(4);
            part = header(at);
        }
        current = joined;
        offset = 0;
    }

    private int header(int i) {
        return (block[i] & 0xFF) | (block[i + 1] & 0xFF) << 8 | (block[i + 2] & 0xFF) << 16;
    }

    /** At least {@code n} (at most the block's size) unread bytes in the block, from {@link #at}. */
    private void fill(int n) throws SQLException {
        if (end - at >= n) {
            return;
        }
        if (at > 0) {
            System.arraycopy(block, at, block, 0, end - at);
            end -= at;
            at = 0;
        }
        try {
            while (end < n) {
                int r = in.read(block, end, blockReads ? block.length - end : n - end);
                if (r <= 0) {
                    throw new IOException("the server closed the connection");
                }
                end += r;
            }
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** The row just read: {@link #length()} bytes of this array from {@link #offset()}; valid until the next read. */
    byte[] buffer() {
        return current;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /** The packet just read, as Connector/J's payload, for reading a row through Connector/J's own row classes. */
    NativePacketPayload payload() {
        NativePacketPayload packet = new NativePacketPayload(Arrays.copyOfRange(current, offset, offset + length));
        packet.setPosition(0);
        return packet;
    }

    NativeProtocol protocol() {
        return protocol;
    }

    /**
     * Lets Connector/J close its streaming result as after its own last row. A result not read to its end is read to
     * its end here first, as Connector/J's own close would (it could not: part of the rest may be in the block).
     */
    @Override
    public void close() throws SQLException {
        try {
            while (next()) {
                // the rest of the result, discarded
            }
        } finally {
            NO_MORE_ROWS.set((ResultsetRowsStreaming<?>) rows, true);
            rows.next();
        }
    }

    private void readFully(byte[] into, int offset, int n) throws SQLException {
        if (n == 0) {
            return;
        }
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
