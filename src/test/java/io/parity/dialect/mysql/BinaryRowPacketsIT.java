package io.parity.dialect.mysql;

import io.parity.checksum.ChunkChecksum;
import io.parity.checksum.RowHasher;
import io.parity.config.HashAlgorithm;
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
                        + " NULL, X'00', NULL FROM seq_1_to_2000");
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
     * The driver's own exceptions while rows stream (here the connection is killed after rows began to arrive) must
     * come out as {@link SQLException}s, as {@code ResultSet.next()} would throw them, so that the chunk is retried.
     */
    @Test
    void aConnectionLostWhileRowsStreamSurfacesAsAnSqlException() throws Exception {
        TestDatabase db = TestDatabase.get();
        Connection c = db.connect(DB);
        long id;
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            id = rs.getLong(1);
        }
        // Wide rows fill the server's network buffer at once, so rows are already streaming when the kill lands.
        PreparedStatement ps = c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).serverPrepareStatement(
                "SELECT seq, REPEAT('x', 4000) FROM seq_1_to_100000 WHERE seq < 3 OR SLEEP(0.0004) = 0",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(Integer.MIN_VALUE);
        ResultSet rs = ps.executeQuery();
        Thread killer = new Thread(() -> {
            try (Connection k = db.connect(DB); var st = k.createStatement()) {
                Thread.sleep(700);
                st.execute("KILL CONNECTION " + id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
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
}
