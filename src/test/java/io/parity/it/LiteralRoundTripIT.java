package io.parity.it;

import io.parity.core.KeyValues;
import io.parity.engine.Engine;
import io.parity.engine.Engines;
import io.parity.engine.RepairSql;
import io.parity.engine.SqlStatement;
import io.parity.schema.Column;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random values of every supported type, the repair literal renderer's INSERT, run on a real server,
 * stores exactly the value that was read; and the renderer's guard matches exactly that row. Checked under Parity's
 * pinned sql_mode and under {@code NO_BACKSLASH_ESCAPES,ANSI_QUOTES}, which break backslash-escaped and
 * double-quoted literals. Negative zero and subnormal floating-point values are left out: MariaDB stores neither
 * (it reads {@code -0.0} back as {@code 0}), so neither can differ between two servers.
 */
class LiteralRoundTripIT {

    static final String DB = "pit_literals";
    static final String DDL = "CREATE TABLE t (id INT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, d DECIMAL(30,10),"
            + " f FLOAT, g DOUBLE, dt DATETIME(6), ts TIMESTAMP(6) NULL, tm TIME(6), dd DATE, y YEAR,"
            + " s VARCHAR(200), ci VARCHAR(200) COLLATE utf8mb4_general_ci, l1 VARCHAR(100) CHARACTER SET latin1,"
            + " tx TEXT, vb VARBINARY(64), bn BINARY(8), bl BLOB, bt BIT(64), j JSON, e ENUM('a','b c','d''e'),"
            + " st SET('x','y','z'))";
    static final List<String> MODES = List.of("STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION",
            "NO_BACKSLASH_ESCAPES,ANSI_QUOTES,STRICT_ALL_TABLES");
    static final AtomicInteger IDS = new AtomicInteger();

    static Connection connection;
    static SideTable table;
    static RepairSql sql;
    static Engine dialect;

    @BeforeContainer
    static void setUp() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.recreate(DB);
        db.execute("USE " + DB, DDL);
        connection = db.connect(DB);
        dialect = Engines.detect(connection, "test");
        TableSchema schema = dialect.catalog().describe(connection, new TableRef(DB, "t")).orElseThrow();
        List<Column> key = List.of(schema.column("id").orElseThrow());
        table = new SideTable(schema.ref(), key, schema.columns(), null);
        sql = dialect.repair();
    }

    @AfterContainer
    static void tearDown() throws Exception {
        connection.close();
    }

    @Property(tries = 400)
    void everyValueSurvivesRenderInsertReadBack(@ForAll("rows") Object[] values, @ForAll("modes") String mode)
            throws Exception {
        int id = IDS.incrementAndGet();
        values[0] = (long) id;
        try (Statement st = connection.createStatement()) {
            st.execute("SET NAMES utf8mb4, time_zone = '+00:00', sql_mode = '" + mode + "'");
            st.execute(sql.insert(table, values));
        }
        Object[] back = read(id);
        for (int i = 0; i < values.length; i++) {
            assertThat(render(back[i])).as(table.columns().get(i).name() + " under " + mode).isEqualTo(render(values[i]));
        }
        try (Statement st = connection.createStatement()) {
            Object[] after = back.clone();
            after[1] = back[1] == null ? 1L : ((Long) back[1]) ^ 1L;
            assertThat(st.executeUpdate(sql.update(table, KeyValues.of((long) id), back, after, List.of(1))))
                    .as("guard of the row as read matches it").isEqualTo(1);
            assertThat(st.executeUpdate(sql.delete(table, KeyValues.of((long) id), back)))
                    .as("guard of the old image no longer matches").isZero();
            assertThat(st.executeUpdate(sql.delete(table, KeyValues.of((long) id), after))).isEqualTo(1);
        }
    }

    private static Object[] read(int id) throws Exception {
        SqlStatement select = sql.selectRow(table, KeyValues.of((long) id));
        try (PreparedStatement ps = connection.prepareStatement(select.sql())) {
            select.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return sql.readValues(rs, table);
            }
        }
    }

    /** Compares values by their exact content: bits for floating point, scale for decimals, bytes for text. */
    static String render(Object v) {
        if (v instanceof byte[] b) {
            return "bytes:" + java.util.HexFormat.of().formatHex(b);
        }
        if (v instanceof Float f) {
            return "float:" + Integer.toHexString(Float.floatToIntBits(f));
        }
        if (v instanceof Double d) {
            return "double:" + Long.toHexString(Double.doubleToLongBits(d));
        }
        if (v instanceof BigDecimal d) {
            return "decimal:" + d.toPlainString();
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return "integer:" + v;
        }
        return v == null ? "NULL" : v.getClass().getSimpleName() + ":" + v;
    }

    @Provide
    Arbitrary<String> modes() {
        return Arbitraries.of(MODES);
    }

    @Provide
    Arbitrary<Object[]> rows() {
        List<Arbitrary<Object>> columns = new ArrayList<>();
        columns.add(Arbitraries.just((Object) 0L));
        columns.add(nullable(Arbitraries.longs()));
        columns.add(nullable(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TWO.pow(64).subtract(BigInteger.ONE))));
        columns.add(nullable(Arbitraries.bigDecimals().between(new BigDecimal("-99999999999999999999"),
                new BigDecimal("99999999999999999999")).ofScale(10)));
        columns.add(nullable(floats()));
        columns.add(nullable(doubles()));
        columns.add(nullable(datetime(LocalDateTime.of(1000, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59))));
        columns.add(nullable(datetime(LocalDateTime.of(1970, 1, 2, 0, 0), LocalDateTime.of(2038, 1, 18, 0, 0))));
        columns.add(nullable(time()));
        columns.add(nullable(Arbitraries.longs().between(0, 3_287_181).map(d -> java.time.LocalDate.of(1000, 1, 1)
                .plusDays(d).toString())));
        columns.add(nullable(Arbitraries.integers().between(1901, 2155).map(String::valueOf)));
        columns.add(nullable(utf8(200)));
        columns.add(nullable(utf8(200)));
        columns.add(nullable(latin1()));
        columns.add(nullable(utf8(300)));
        columns.add(nullable(Arbitraries.bytes().array(byte[].class).ofMaxSize(64)));
        columns.add(nullable(Arbitraries.bytes().array(byte[].class).ofSize(8)));
        columns.add(nullable(Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
        columns.add(nullable(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TWO.pow(64).subtract(BigInteger.ONE))
                .map(b -> b.bitLength() < 64 ? (Object) b.longValue() : b)));
        columns.add(nullable(utf8(40).map(s -> ("{\"k\": " + jsonString(s) + ", \"n\": [1, 2.5, null]}")
                .getBytes(StandardCharsets.UTF_8))));
        columns.add(nullable(Arbitraries.of("a", "b c", "d'e").map(s -> s.getBytes(StandardCharsets.UTF_8))));
        columns.add(nullable(Arbitraries.of("", "x", "y", "x,z", "x,y,z").map(s -> s.getBytes(StandardCharsets.UTF_8))));
        return Combinators.combine(columns).as(List::toArray);
    }

    private static Arbitrary<Float> floats() {
        return Arbitraries.integers().map(Float::intBitsToFloat)
                .filter(f -> Float.isFinite(f) && (Float.floatToIntBits(f) == 0 || Math.abs(f) >= Float.MIN_NORMAL))
                .edgeCases(c -> c.add(0.1f).add(16777218f).add(Float.MAX_VALUE));
    }

    private static Arbitrary<Double> doubles() {
        return Arbitraries.longs().map(Double::longBitsToDouble)
                .filter(d -> Double.isFinite(d) && (Double.doubleToLongBits(d) == 0 || Math.abs(d) >= Double.MIN_NORMAL))
                .edgeCases(c -> c.add(0.1).add(0.30000000000000004).add(Double.MAX_VALUE).add(1e-300));
    }

    private static <T> Arbitrary<Object> nullable(Arbitrary<T> values) {
        return values.map(v -> (Object) v).injectNull(0.1);
    }

    private static Arbitrary<Object> datetime(LocalDateTime from, LocalDateTime to) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        long span = java.time.Duration.between(from, to).getSeconds();
        return Combinators.combine(Arbitraries.longs().between(0, span), Arbitraries.integers().between(0, 999_999))
                .as((s, micros) -> (Object) from.plusSeconds(s).plusNanos(micros * 1000L).format(f));
    }

    private static Arbitrary<Object> time() {
        return Combinators.combine(Arbitraries.integers().between(0, 838), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 999_999), Arbitraries.of(true, false))
                .as((h, m, s, us, neg) -> (Object) String.format("%s%02d:%02d:%02d.%06d",
                        neg && (h + m + s + us) > 0 ? "-" : "", h, m, s, us));
    }

    private static Arbitrary<byte[]> utf8(int maxChars) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(0, (int) '\'', (int) '\\', (int) '"', 10, 13, 9, 0x1a, 32)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x1f300, 0x1faff)));
        return codePoint.list().ofMaxSize(maxChars).map(cps -> cps.stream().map(Character::toString)
                .collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<byte[]> latin1() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0x20, 0x7e), Arbitraries.integers().between(0xa0, 0xff))
                .list().ofMaxSize(100)
                .map(cps -> cps.stream().map(Character::toString).collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonString(byte[] utf8) {
        String s = new String(utf8, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
