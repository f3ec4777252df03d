package io.parity.it;

import io.parity.core.Chunk;
import io.parity.core.ChunkResult;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.it.RowEncodingIT.Case;
import io.parity.spec.Endpoint;
import io.parity.spec.JobSpec;
import io.parity.spec.Options;
import io.parity.spec.Secret;
import io.parity.spec.TableSpec;
import io.parity.verify.ChunkVerifier;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value edge cases of {@link RowEncodingIT}, for the generic JDBC dialect on real H2 databases (in memory), where
 * H2 has the type: rows hashed in Java must give equal checksums for equal data and exactly the expected differences
 * otherwise. H2 lacks MySQL's per-column collations, unsigned integers, BIT(n), SET and negative TIME; instead it has
 * TIMESTAMP WITH TIME ZONE, BOOLEAN and NUMERIC keys, which are covered.
 */
class H2RowEncodingIT {

    static final String SRC = "jdbc:h2:mem:pit_ux_h2enc_src;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    static final String DST = "jdbc:h2:mem:pit_ux_h2enc_dst;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";

    static Case same(String table, String ddl, String src, String dst, String... expected) {
        return RowEncodingIT.same(table, ddl, src, dst, expected);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(same("null_vs_empty", "id INT PRIMARY KEY, v VARCHAR(10) NULL", "(1, NULL), (2, '')", "(1, ''), (2, '')",
                "changed (1) [v]"));
        c.add(same("null_vs_null", "id INT PRIMARY KEY, v VARCHAR(10) NULL, w INT NULL", "(1, NULL, NULL)",
                "(1, NULL, NULL)"));
        c.add(same("column_shift", "id INT PRIMARY KEY, a VARCHAR(10), b VARCHAR(10)", "(1, 'x0', 'y')", "(1, 'x', '0y')",
                "changed (1) [a, b]"));
        c.add(same("separator_in_binary", "id INT PRIMARY KEY, a VARBINARY(10), b VARBINARY(10)",
                "(1, X'6123', X'62')", "(1, X'61', X'2362')", "changed (1) [a, b]"));
        c.add(same("double_last_bit", "id INT PRIMARY KEY, d DOUBLE PRECISION", "(1, 0.1), (2, 1e308)",
                "(1, 0.10000000000000002), (2, 1e308)", "changed (1) [d]"));
        c.add(same("float_last_bit", "id INT PRIMARY KEY, f REAL", "(1, 16777216), (2, 0.1)", "(1, 16777218), (2, 0.1)",
                "changed (1) [f]"));
        c.add(same("decimal_scale", "id INT PRIMARY KEY, m NUMERIC(12,2)", "(1, 1.50), (2, -0.01)", "(1, 1.51), (2, -0.01)",
                "changed (1) [m]"));
        c.add(same("timestamp6", "id INT PRIMARY KEY, t TIMESTAMP(6)", "(1, '2024-01-01 00:00:00.000001')",
                "(1, '2024-01-01 00:00:00.000002')", "changed (1) [t]"));
        c.add(same("time6", "id INT PRIMARY KEY, t TIME(6)", "(1, '01:00:00.5'), (2, '23:59:59.999999')",
                "(1, '01:00:00.4'), (2, '23:59:59.999999')", "changed (1) [t]"));
        c.add(same("timestamp_same_instant", "id INT PRIMARY KEY, ts TIMESTAMP(3) WITH TIME ZONE NULL",
                "(1, TIMESTAMP WITH TIME ZONE '2024-03-01 12:00:00.250+02:00')",
                "(1, TIMESTAMP WITH TIME ZONE '2024-03-01 05:00:00.250-05:00')"));
        c.add(same("timestamp_other_instant", "id INT PRIMARY KEY, ts TIMESTAMP WITH TIME ZONE NULL",
                "(1, TIMESTAMP WITH TIME ZONE '2024-03-01 12:00:00+02:00')",
                "(1, TIMESTAMP WITH TIME ZONE '2024-03-01 12:00:00+00:00')", "changed (1) [ts]"));
        c.add(same("blob_trailing_zero", "id INT PRIMARY KEY, b BLOB, v VARBINARY(8)", "(1, X'6100', X'00'), (2, X'00', X'')",
                "(1, X'61', X'00'), (2, X'00', X'')", "changed (1) [b]"));
        c.add(same("binary_fixed", "id INT PRIMARY KEY, b BINARY(4)", "(1, X'61000000'), (2, X'61000001')",
                "(1, X'61000000'), (2, X'61000002')", "changed (2) [b]"));
        c.add(same("json", "id INT PRIMARY KEY, j JSON", "(1, '{\"a\":1,\"b\":[1,2]}' FORMAT JSON), (2, '{\"a\":1}' FORMAT JSON)",
                "(1, '{\"a\": 1, \"b\": [1, 2]}' FORMAT JSON), (2, '{\"a\":2}' FORMAT JSON)", "changed (2) [j]"));
        c.add(RowEncodingIT.widened("widened_decimal", "id INT PRIMARY KEY, m NUMERIC(10,2) NULL",
                "id INT PRIMARY KEY, m NUMERIC(12,4) NULL", "(1, 1.50), (2, -0.01), (3, 100), (4, NULL), (5, 0)",
                "(1, 1.5), (2, -0.0100), (3, 100.0000), (4, NULL), (5, 0.0001)", "changed (5) [m]"));
        c.add(RowEncodingIT.widened("widened_timestamp", "id INT PRIMARY KEY, t TIMESTAMP(0), d DATE",
                "id INT PRIMARY KEY, t TIMESTAMP(3), d TIMESTAMP(6)",
                "(1, '2024-01-01 10:00:00', '2024-01-01'), (2, '2024-01-01 10:00:01', '2024-01-02')",
                "(1, '2024-01-01 10:00:00.000', '2024-01-01 00:00:00'), (2, '2024-01-01 10:00:01.001', '2024-01-02 00:00:00.5')",
                "changed (2) [t, d]"));
        c.add(RowEncodingIT.widened("narrowed_time", "id INT PRIMARY KEY, t TIME(6)", "id INT PRIMARY KEY, t TIME(0)",
                "(1, '01:00:00'), (2, '01:00:00.5')", "(1, '01:00:00'), (2, '01:00:00')", "changed (2) [t]"));
        c.add(same("boolean", "id INT PRIMARY KEY, b BOOLEAN", "(1, TRUE), (2, FALSE)", "(1, FALSE), (2, FALSE)",
                "changed (1) [b]"));
        c.add(same("enum", "id INT PRIMARY KEY, e ENUM('a','b#c')", "(1, 'a'), (2, 'b#c')", "(1, 'b#c'), (2, 'b#c')",
                "changed (1) [e]"));
        c.add(same("unicode", "id INT PRIMARY KEY, s VARCHAR(10)", "(1, U&'\\+01f600'), (2, 'żółw')",
                "(1, U&'\\+01f601'), (2, 'żółw')", "changed (1) [s]"));
        c.add(same("case_differs", "id INT PRIMARY KEY, s VARCHAR(10)", "(1, 'abc')", "(1, 'ABC')", "changed (1) [s]"));
        c.add(same("trailing_space", "id INT PRIMARY KEY, s VARCHAR(10)", "(1, 'a'), (2, 'b')", "(1, 'a '), (2, 'b')",
                "changed (1) [s]"));
        c.add(same("same_change_four_rows", "id INT PRIMARY KEY, t TIMESTAMP",
                "(1, '2024-01-01 11:22:00'), (2, '2024-01-02 11:22:00'), (3, '2024-01-03 11:22:00'), (4, '2024-01-04 11:22:00')",
                "(1, '2024-01-01 11:32:00'), (2, '2024-01-02 11:32:00'), (3, '2024-01-03 11:32:00'), (4, '2024-01-04 11:32:00')",
                "changed (1) [t]", "changed (2) [t]", "changed (3) [t]", "changed (4) [t]"));
        c.add(same("swapped_values", "id INT PRIMARY KEY, v INT", "(1, 10), (2, 20)", "(1, 20), (2, 10)",
                "changed (1) [v]", "changed (2) [v]"));
        c.add(new Case("duplicate_rows", "id INT PRIMARY KEY, v INT", "id INT NOT NULL, v INT",
                List.of("INSERT INTO duplicate_rows VALUES (1, 5), (2, 6)"),
                List.of("INSERT INTO duplicate_rows VALUES (1, 5), (1, 5), (2, 6)"), List.of("extra (1) []")));
        c.add(same("binary_key", "k BINARY(2) PRIMARY KEY, v INT", "(X'0000', 1), (X'7fff', 2), (X'8000', 3), (X'ffff', 4)",
                "(X'0000', 1), (X'8000', 3), (X'ffff', 5)", "missing (0x7fff) []", "changed (0xffff) [v]"));
        c.add(same("composite_key", "a INT, b VARCHAR(5), c DATE, v INT, PRIMARY KEY (a, b, c)",
                "(1, 'x', '2024-01-01', 1), (1, 'x', '2024-01-02', 2), (1, 'y', '2024-01-01', 3), (2, 'a', '2024-01-01', 4)",
                "(1, 'x', '2024-01-01', 1), (1, 'x', '2024-01-02', 9), (2, 'a', '2024-01-01', 4), (2, 'a', '2024-01-02', 5)",
                "changed (1, x, 2024-01-02) [v]", "missing (1, y, 2024-01-01) []", "extra (2, a, 2024-01-02) []"));
        c.add(same("numeric_key", "k NUMERIC(20,0) PRIMARY KEY, v INT",
                "(1, 1), (9223372036854775808, 2), (18446744073709551615, 3)",
                "(1, 1), (9223372036854775808, 2), (18446744073709551615, 4)", "changed (18446744073709551615) [v]"));
        c.add(same("timestamp_key", "t TIMESTAMP(6) PRIMARY KEY, v INT",
                "('2024-01-01 00:00:00', 1), ('2024-01-01 00:00:00.5', 2), ('2024-01-01 00:00:01', 3)",
                "('2024-01-01 00:00:00', 1), ('2024-01-01 00:00:01', 4)",
                "missing (2024-01-01 00:00:00.500000000) []", "changed (2024-01-01 00:00:01.000000000) [v]"));
        c.add(same("all_types_equal",
                "id BIGINT PRIMARY KEY, a TINYINT, b NUMERIC(30,10), c DOUBLE PRECISION, d REAL, e DATE, f TIMESTAMP(6),"
                        + " g TIME, i CHAR(5), j CLOB, k BLOB, l BOOLEAN, m JSON, n ENUM('p','q'), o TIMESTAMP WITH TIME ZONE",
                "(1, -128, 12345678901234567890.0123456789, -2.5e-300, 3.25, '1000-01-01', '9999-12-31 23:59:59.999999',"
                        + " '23:59:59', 'ab', 'long text', X'000102', TRUE, '[1, {\"k\": null}]' FORMAT JSON, 'q',"
                        + " TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+05:30')",
                "(1, -128, 12345678901234567890.0123456789, -2.5e-300, 3.25, '1000-01-01', '9999-12-31 23:59:59.999999',"
                        + " '23:59:59', 'ab', 'long text', X'000102', TRUE, '[1, {\"k\": null}]' FORMAT JSON, 'q',"
                        + " TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+05:30')"));
        return c;
    }

    @BeforeAll
    static void setUp() {
        build(SRC, DST, cases());
    }

    static void build(String srcUrl, String dstUrl, List<Case> cases) {
        for (String url : List.of(srcUrl, dstUrl)) {
            execute(url, "DROP ALL OBJECTS");
        }
        for (Case c : cases) {
            List<String> src = new ArrayList<>(List.of("CREATE TABLE " + c.table() + " (" + c.ddl() + ")"));
            src.addAll(c.srcSql());
            execute(srcUrl, src.toArray(String[]::new));
            List<String> dst = new ArrayList<>(List.of("CREATE TABLE " + c.table() + " (" + c.dstDdl() + ")"));
            dst.addAll(c.dstSql());
            execute(dstUrl, dst.toArray(String[]::new));
        }
    }

    static void execute(String url, String... statements) {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("H2 setup failed: " + e.getMessage(), e);
        }
    }

    static VerifyContext open(HashAlgorithm hash) {
        JobSpec spec = new JobSpec("h2-encoding", Path.of("h2-encoding.yml"), "0".repeat(64),
                new Endpoint("source", SRC, "sa", Secret.of("")), new Endpoint("destination", DST, "sa", Secret.of("")),
                List.of(new TableSpec(null, "*", List.of(), null, List.of(), null, List.of(), "tables[0]")),
                new Options(1000, 1, hash), null);
        return VerifyPreparation.prepare(spec);
    }

    static Stream<Case> casesStream() {
        return cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesStream")
    void reportsExactlyTheDifferingRowsWithCrc64(Case c) {
        try (VerifyContext ctx = open(HashAlgorithm.CRC64)) {
            check(ctx, c);
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void everyCaseAgreesForEachHash(HashAlgorithm hash) {
        try (VerifyContext ctx = open(hash)) {
            assertThat(ctx.source().engine().describe()).startsWith("H2 2.");
            for (Case c : cases()) {
                check(ctx, c);
            }
        }
    }

    @Test
    void checksumsOfEqualTablesAreEqualAndDifferingOnesAreNot() {
        try (VerifyContext ctx = open(HashAlgorithm.CRC64)) {
            for (Case c : cases()) {
                var plan = ctx.plan("public." + c.table());
                var pair = ctx.checksummer().both(plan.source(), plan.destination(), KeyRange.ALL);
                assertThat(pair.matches()).as(c.table()).isEqualTo(c.expected().isEmpty());
                assertThat(pair.source().sumA().signum()).as(c.table() + " hashed").isPositive();
            }
        }
    }

    private static void check(VerifyContext ctx, Case c) {
        ChunkResult result = new ChunkVerifier(ctx).verify(new Chunk("public." + c.table(), 0, 0, KeyRange.ALL));
        List<String> rendered = result.diffs().stream().map(RowEncodingIT::render).toList();
        assertThat(rendered).as(c.table()).containsExactlyInAnyOrderElementsOf(c.expected());
        assertThat(result.matched()).as(c.table() + " checksums match").isEqualTo(c.expected().isEmpty());
    }
}
