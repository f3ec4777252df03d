package io.parity.engine.mysql;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyedRowHashes;
import io.parity.core.RowHasher;
import io.parity.it.Numbers;
import io.parity.it.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows hashed from their binary-protocol packets must hash exactly as through {@code ResultSet.getBytes}, for every
 * column type and every length prefix (1, 3 and 4 bytes), with NULLs anywhere in the NULL bitmap (more than 8
 * columns, so it spans bytes), and must never fall back to the slow path on a real server.
 */
class BinaryRowPacketsIT {

    static final String DB = "pit_packets";

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(DB);
        db.execute("USE " + DB,
                "CREATE TABLE t (id BIGINT PRIMARY KEY, a TINYINT, b SMALLINT, c MEDIUMINT, d INT UNSIGNED, e DECIMAL(30,10),"
                        + " f DOUBLE, g FLOAT, h DATE, i DATETIME(6), j TIME(6), k TIMESTAMP(3) NULL, l YEAR, m CHAR(5),"
                        + " n VARCHAR(300), o MEDIUMTEXT, p MEDIUMBLOB, q BIT(12), r JSON, s ENUM('x','y'), u SET('x','y'),"
                        + " v VARBINARY(8), w BINARY(3))",
                "INSERT INTO t VALUES (1, -128, -32768, -8388608, 4294967295, 12345678901234567890.0123456789, -2.5e-300,"
                        + " 3.25, '1000-01-01', '9999-12-31 23:59:59.999999', '-838:59:59', '2038-01-19 03:14:07.999',"
                        + " 1901, 'ab', REPEAT('z', 250), REPEAT('é', 300), REPEAT(X'00', 70000), b'101010101010',"
                        + " '{\"a\":[1,2]}', 'y', 'x,y', X'', X'000000')",
                "INSERT INTO t (id) VALUES (2)",
                "INSERT INTO t VALUES (3, 0, 0, 0, 0, 0, 0, 0, '2024-02-29', '2024-01-01 00:00:00', '00:00:00',"
                        + " '1970-01-01 00:00:01', 2000, '', REPEAT('q', 251), '', X'', b'0', 'null', 'x', '', X'ff', 'a')",
                "INSERT INTO t SELECT seq + 10, seq % 100, NULL, seq, NULL, seq / 7, IF(seq % 3 = 0, NULL, seq / 3), NULL,"
                        + " '2024-01-01' + INTERVAL seq DAY, NULL, NULL, NULL, NULL, CONCAT('c', seq), REPEAT('v', seq % 301),"
                        + " IF(seq % 5 = 0, NULL, REPEAT('t', seq * 40)), IF(seq % 2 = 0, NULL, UNHEX(MD5(seq))), NULL, NULL, NULL,"
                        + " NULL, X'00', NULL FROM " + Numbers.upTo(2000));
    }

    @Test
    void packetHashesEqualGetBytesHashesForEveryTypeAndLengthPrefix() throws SQLException {
        String sql = "SELECT id, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, u, v, w FROM " + DB + ".t";
        TestDatabase db = TestDatabase.get();
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            for (String where : List.of("", " WHERE id = 1", " WHERE id = 2", " WHERE id = 3", " WHERE id > 3")) {
                RowHasher packets = new RowHasher(hash);
                RowHasher jdbc = new RowHasher(hash);
                try (Connection c = db.connect(DB)) {
                    var mysql = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class);
                    try (PreparedStatement ps = mysql.serverPrepareStatement(sql + where, ResultSet.TYPE_FORWARD_ONLY,
                            ResultSet.CONCUR_READ_ONLY)) {
                        ps.setFetchSize(Integer.MIN_VALUE);
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(BinaryRowPackets.hashAll(rs, packets)).as("rows read the slow way").isZero();
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            BinaryRowPackets.hashThroughJdbc(rs, jdbc);
                        }
                    }
                }
                ChunkChecksum expected = jdbc.result();
                assertThat(packets.result()).as(hash + where).isEqualTo(expected);
                assertThat(expected.rows()).isPositive();
            }
        }
    }

    /**
     * A row hashed whole ({@link BinaryRowPackets#hashWhole}) is hashed over exactly the bytes the protocol defines for
     * it: its NULL bitmap (two reserved bits, then one per column), then each non-NULL value, fixed-width or after a
     * length prefix of 1, 3 or 4 bytes. Rebuilt here from {@code getBytes} and the column types, for every type,
     * NULLs anywhere, streamed and fully read results, and every hash; the kept keys are those of the value parse.
     */
    @Test
    void wholeRowsHashExactlyTheRowsProtocolBytes() throws SQLException {
        String sql = "SELECT id, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, u, v, w FROM " + DB + ".t";
        TestDatabase db = TestDatabase.get();
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            for (boolean streamed : new boolean[] {true, false}) {
                try (Connection c = db.connect(DB)) {
                    assertThat(wholeEqualsRebuilt(c, sql, hash, streamed).rows()).as(hash + " " + streamed)
                            .isEqualTo(2003);
                }
            }
        }
        try (Connection c = db.connect(DB)) {
            var mysql = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class);
            for (String keyFirst : List.of(sql, "SELECT n, o, id, a FROM " + DB + ".t")) {
                int keyColumn = keyFirst.equals(sql) ? 0 : 2;
                KeyedRowHashes whole = new KeyedRowHashes(10_000);
                KeyedRowHashes parsed = new KeyedRowHashes(10_000);
                try (PreparedStatement ps = mysql.serverPrepareStatement(keyFirst, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    ps.setFetchSize(Integer.MIN_VALUE);
                    RowHasher w = new RowHasher(HashAlgorithm.CRC64);
                    try (ResultSet rs = ps.executeQuery()) {
                        BinaryRowPackets.hashWhole(rs, w, keyColumn, whole);
                    }
                    whole.finish(w.result());
                    RowHasher p = new RowHasher(HashAlgorithm.CRC64);
                    try (ResultSet rs = ps.executeQuery()) {
                        BinaryRowPackets.hashAll(rs, p, keyColumn, parsed);
                    }
                    parsed.finish(p.result());
                }
                assertThat(whole.complete()).isTrue();
                assertThat(whole.size()).isEqualTo(2003);
                // the same keys in the same order: every row differs in hash (two ways of hashing), none in key
                var differing = KeyedRowHashes.differing(whole, parsed);
                assertThat(differing.source().rows()).hasSize(2003);
                assertThat(differing.source().rows().stream().map(r -> r.key().key()).toList())
                        .isEqualTo(differing.destination().rows().stream().map(r -> r.key().key()).toList());
            }
        }
    }

    /**
     * The rows are read straight off the connection ({@link RowPacketStream}), and the connection is left exactly as
     * after reading them through JDBC: the next statements on it work, and the result set closes without waiting.
     */
    @Test
    void rowsAreReadOffTheConnectionWhichStaysUsable() throws SQLException {
        String sql = "SELECT id, n, o, p FROM " + DB + ".t";
        try (Connection c = TestDatabase.get().connect(DB)) {
            var mysql = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class);
            for (int round = 0; round < 3; round++) {
                try (PreparedStatement ps = mysql.serverPrepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    ps.setFetchSize(Integer.MIN_VALUE);
                    try (ResultSet rs = ps.executeQuery()) {
                        var rows = rs.unwrap(com.mysql.cj.protocol.a.result.NativeResultset.class).getRows();
                        assertThat(RowPacketStream.open(rows)).as("raw stream available").isNotNull();
                    }
                    RowHasher hasher = new RowHasher(HashAlgorithm.CRC64);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(BinaryRowPackets.hashAll(rs, hasher)).isZero();
                        assertThat(rs.next()).as("nothing left after the end packet").isFalse();
                    }
                    assertThat(hasher.result().rows()).isEqualTo(2003);
                }
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + DB + ".t")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(2003);
                }
            }
        }
    }

    /**
     * Rows are read off the connection in blocks, so a block may hold rows past the one a failing sink stopped at:
     * closing the stream reads the rest of the result itself, and the connection stays usable.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aSinkThatFailsMidResultLeavesTheConnectionUsable() throws SQLException {
        String sql = "SELECT id, n, o, p FROM " + DB + ".t";
        try (Connection c = TestDatabase.get().connect(DB)) {
            var mysql = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class);
            for (int stopAt : new int[] {1, 7, 1500}) {
                try (PreparedStatement ps = mysql.serverPrepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    ps.setFetchSize(Integer.MIN_VALUE);
                    RowHasher hasher = new RowHasher(HashAlgorithm.CRC64);
                    io.parity.core.RowSink failing = new io.parity.core.RowSink() {
                        private int rows;

                        @Override
                        public void beginRow() {
                            if (++rows == stopAt) {
                                throw new IllegalStateException("stop at row " + stopAt);
                            }
                            hasher.beginRow();
                        }

                        @Override
                        public void nullValue() {
                            hasher.nullValue();
                        }

                        @Override
                        public void value(byte[] v, int offset, int n) {
                            hasher.value(v, offset, n);
                        }

                        @Override
                        public void endRow() {
                            hasher.endRow();
                        }

                        @Override
                        public long rowA() {
                            return hasher.rowA();
                        }

                        @Override
                        public long rowB() {
                            return hasher.rowB();
                        }

                        @Override
                        public ChunkChecksum result() {
                            return hasher.result();
                        }
                    };
                    try (ResultSet rs = ps.executeQuery()) {
                        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BinaryRowPackets.hashAll(rs, failing))
                                .hasMessage("stop at row " + stopAt);
                    }
                }
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + DB + ".t")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("after a stop at row " + stopAt).isEqualTo(2003);
                }
            }
        }
    }

    /**
     * The compressed protocol's stream waits until it holds all that a read asks for, so rows are read there a packet
     * at a time: the hashes equal those read through JDBC, and the connection stays usable.
     */
    @Test
    void compressedConnectionsHashAsThroughJdbc() throws SQLException {
        TestDatabase db = TestDatabase.get();
        String sql = "SELECT id, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, u, v, w FROM " + DB + ".t";
        String url = db.url(DB) + (db.url(DB).contains("?") ? "&" : "?") + "useCompression=true";
        try (Connection c = java.sql.DriverManager.getConnection(url, db.user(), db.password())) {
            assertThat(packetsEqualJdbc(c, sql, HashAlgorithm.CRC64).rows()).isEqualTo(2003);
            assertThat(wholeEqualsRebuilt(c, sql, HashAlgorithm.CRC64, true).rows()).isEqualTo(2003);
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 42")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    /**
     * A row longer than one packet (2^24 - 1 bytes) arrives in several: the parse must join them exactly as
     * Connector/J does.
     */
    @Test
    void aRowSpanningSeveralPacketsHashesAsThroughJdbc() throws SQLException {
        TestDatabase db = TestDatabase.get();
        long before;
        try (Connection c = db.connect(DB); var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@global.max_allowed_packet")) {
            rs.next();
            before = rs.getLong(1);
            st.execute("SET GLOBAL max_allowed_packet = " + Math.max(before, 64L << 20));
        }
        try (Connection c = db.connect(DB)) {
            String sql = "SELECT seq, IF(seq = 2, REPEAT('w', 40000000), IF(seq = 3, REPEAT('e', 16777210), 'x')),"
                    + " seq * 3 FROM " + Numbers.upTo(4);
            assertThat(packetsEqualJdbc(c, sql, HashAlgorithm.SHA1).rows()).isEqualTo(4);
            assertThat(wholeEqualsRebuilt(c, sql, HashAlgorithm.SHA1, true).rows()).isEqualTo(4);
        } finally {
            try (Connection c = db.connect(DB); var st = c.createStatement()) {
                st.execute("SET GLOBAL max_allowed_packet = " + before);
            }
        }
    }

    /** A server error after rows began to arrive (the query killed) is Connector/J's exception, as SQLException. */
    @Test
    void aQueryKilledWhileRowsStreamSurfacesAsAnSqlExceptionAndTheConnectionStaysUsable() throws Exception {
        try (Connection c = TestDatabase.get().connect(DB)) {
            long id = connectionId(c);
            PreparedStatement ps = slowWideRows(c);
            ResultSet rs = ps.executeQuery();
            Thread killer = killLater(id, "KILL QUERY");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> BinaryRowPackets.hashAll(rs, new RowHasher(HashAlgorithm.CRC64)))
                    .isInstanceOf(SQLException.class);
            killer.join();
            rs.close();
            ps.close();
            try (var st = c.createStatement(); ResultSet again = st.executeQuery("SELECT 42")) {
                again.next();
                assertThat(again.getInt(1)).isEqualTo(42);
            }
        }
    }

    /**
     * The driver's own exceptions while rows stream (here the connection is killed after rows began to arrive) must
     * come out as {@link SQLException}s, as {@code ResultSet.next()} would throw them, so that the chunk is retried.
     */
    @Test
    void aConnectionLostWhileRowsStreamSurfacesAsAnSqlException() throws Exception {
        Connection c = TestDatabase.get().connect(DB);
        long id = connectionId(c);
        PreparedStatement ps = slowWideRows(c);
        ResultSet rs = ps.executeQuery();
        Thread killer = killLater(id, "KILL CONNECTION");
        RowHasher hasher = new RowHasher(HashAlgorithm.CRC64);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BinaryRowPackets.hashAll(rs, hasher))
                .isInstanceOf(SQLException.class);
        killer.join();
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is dead
        }
    }

    @Test
    void aResultThatIsNotConnectorJsIsLeftToJdbc() throws SQLException {
        try (Connection c = TestDatabase.get().connect(DB); var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1")) {
            ResultSet foreign = (ResultSet) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ResultSet.class}, (proxy, method, args) -> method.getName().equals("isWrapperFor")
                            ? false : method.invoke(rs, args));
            assertThat(BinaryRowPackets.hashAll(foreign, new RowHasher(HashAlgorithm.CRC64))).isEqualTo(-1);
            assertThat(rs.next()).as("nothing was read").isTrue();
        }
    }

    /** Wide rows fill the server's network buffer at once, so rows are already streaming when a kill lands. */
    /**
     * Hashes {@code sql}'s rows from their packets (none the slow way) and through JDBC {@code getBytes}, asserts the
     * two equal, and returns the checksum.
     */
    /**
     * Hashes {@code sql}'s rows whole, streamed or fully read first, and checks the sum against the rows' protocol
     * bytes rebuilt from {@code getBytes}.
     */
    private static ChunkChecksum wholeEqualsRebuilt(Connection c, String sql, HashAlgorithm hash, boolean streamed)
            throws SQLException {
        RowHasher whole = new RowHasher(hash);
        RowHasher rebuilt = new RowHasher(hash);
        try (PreparedStatement ps = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).serverPrepareStatement(sql,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            if (streamed) {
                ps.setFetchSize(Integer.MIN_VALUE);
            }
            try (ResultSet rs = ps.executeQuery()) {
                BinaryRowPackets.hashWhole(rs, whole, -1, null);
            }
            try (ResultSet rs = ps.executeQuery()) {
                var fields = rs.unwrap(com.mysql.cj.protocol.a.result.NativeResultset.class).getColumnDefinition()
                        .getFields();
                java.io.ByteArrayOutputStream row = new java.io.ByteArrayOutputStream();
                while (rs.next()) {
                    row.reset();
                    byte[] bitmap = new byte[(fields.length + 9) / 8];
                    for (int i = 0; i < fields.length; i++) {
                        if (rs.getBytes(i + 1) == null) {
                            bitmap[(i + 2) / 8] |= (byte) (1 << ((i + 2) % 8));
                        }
                    }
                    row.writeBytes(bitmap);
                    for (int i = 0; i < fields.length; i++) {
                        byte[] v = rs.getBytes(i + 1);
                        if (v == null) {
                            continue;
                        }
                        if (com.mysql.cj.protocol.a.NativeUtils.getBinaryEncodedLength(fields[i].getMysqlTypeId()) == 0) {
                            int n = v.length;
                            if (n < 251) {
                                row.write(n);
                            } else if (n < 1 << 16) {
                                row.write(0xFC);
                                row.write(n);
                                row.write(n >>> 8);
                            } else if (n < 1 << 24) {
                                row.write(0xFD);
                                row.write(n);
                                row.write(n >>> 8);
                                row.write(n >>> 16);
                            } else {
                                row.write(0xFE);
                                for (int b = 0; b < 8; b++) {
                                    row.write(b < 4 ? n >>> (8 * b) : 0);
                                }
                            }
                        }
                        row.writeBytes(v);
                    }
                    byte[] bytes = row.toByteArray();
                    rebuilt.row(bytes, 0, bytes.length);
                }
            }
        }
        assertThat(whole.result()).isEqualTo(rebuilt.result());
        return whole.result();
    }

    private static ChunkChecksum packetsEqualJdbc(Connection c, String sql, HashAlgorithm hash) throws SQLException {
        RowHasher packets = new RowHasher(hash);
        RowHasher jdbc = new RowHasher(hash);
        try (PreparedStatement ps = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).serverPrepareStatement(sql,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(BinaryRowPackets.hashAll(rs, packets)).as("rows read the slow way").isZero();
            }
            try (ResultSet rs = ps.executeQuery()) {
                BinaryRowPackets.hashThroughJdbc(rs, jdbc);
            }
        }
        assertThat(packets.result()).isEqualTo(jdbc.result());
        return packets.result();
    }

    private static PreparedStatement slowWideRows(Connection c) throws SQLException {
        PreparedStatement ps = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).serverPrepareStatement(
                "SELECT seq, REPEAT('x', 4000) FROM " + Numbers.upTo(100000) + " WHERE seq < 3 OR SLEEP(0.0004) = 0",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(Integer.MIN_VALUE);
        return ps;
    }

    private static long connectionId(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs {@code kill} (KILL QUERY or KILL CONNECTION) on session {@code id} from another connection in 0.7 s. */
    private static Thread killLater(long id, String kill) {
        Thread killer = new Thread(() -> {
            try (Connection k = TestDatabase.get().connect(DB); var st = k.createStatement()) {
                Thread.sleep(700);
                st.execute(kill + " " + id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        return killer;
    }
}
