package io.parity.it;

import io.parity.core.Chunk;
import io.parity.core.ChunkResult;
import io.parity.core.EvenBuckets;
import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
import io.parity.core.KeyedRowHashes;
import io.parity.core.KeyValues;
import io.parity.core.RowDiff;
import io.parity.core.Sides;
import io.parity.spec.Endpoint;
import io.parity.spec.JobSpec;
import io.parity.spec.Options;
import io.parity.spec.Reconcile;
import io.parity.spec.Secret;
import io.parity.spec.TableSpec;
import io.parity.verify.ChunkVerifier;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value edge case from the verify issue, on a real server: one table per case on each side, checked with the
 * real checksum and reconcile path. Equal data must give equal checksums and no difference; each real difference must
 * give exactly the expected row and columns. Runs with both hash algorithms.
 */
class RowEncodingIT {

    static final String SRC = "pit_enc_src";
    static final String DST = "pit_enc_dst";

    /**
     * @param srcSetup statements run on the source database before the inserts (session settings)
     * @param expected rendered differences ({@code kind (key) [columns]}), empty for equal data
     */
    record Case(String table, String ddl, String dstDdl, List<String> srcSql, List<String> dstSql, List<String> expected) {
        @Override
        public String toString() {
            return table;
        }
    }

    /** A column whose declared type differs between the sides: values compared in their family's canonical form. */
    static Case widened(String table, String ddl, String dstDdl, String src, String dst, String... expected) {
        return new Case(table, ddl, dstDdl, List.of("INSERT INTO " + table + " VALUES " + src),
                List.of("INSERT INTO " + table + " VALUES " + dst), List.of(expected));
    }

    static Case same(String table, String ddl, String src, String dst, String... expected) {
        return new Case(table, ddl, ddl, List.of("INSERT INTO " + table + " VALUES " + src),
                List.of("INSERT INTO " + table + " VALUES " + dst), List.of(expected));
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
        c.add(same("double_last_bit", "id INT PRIMARY KEY, d DOUBLE", "(1, 0.1), (2, 1e308)",
                "(1, 0.10000000000000002), (2, 1e308)", "changed (1) [d]"));
        c.add(same("float_last_bit", "id INT PRIMARY KEY, f FLOAT", "(1, 16777216), (2, 0.1)", "(1, 16777218), (2, 0.1)",
                "changed (1) [f]"));
        c.add(same("decimal_scale", "id INT PRIMARY KEY, m DECIMAL(12,2)", "(1, 1.50), (2, -0.01)", "(1, 1.51), (2, -0.01)",
                "changed (1) [m]"));
        c.add(same("datetime6", "id INT PRIMARY KEY, t DATETIME(6)", "(1, '2024-01-01 00:00:00.000001')",
                "(1, '2024-01-01 00:00:00.000002')", "changed (1) [t]"));
        c.add(same("time6", "id INT PRIMARY KEY, t TIME(6)", "(1, '-01:00:00.5'), (2, '100:00:00')",
                "(1, '-01:00:00.4'), (2, '100:00:00')", "changed (1) [t]"));
        // every integer width at its limits, ZEROFILL, YEAR, TIME past a day and below zero, fractional datetimes: the
        // values hashing: auto prints in Java as the server prints them
        c.add(same("integer_time_edges", "id INT PRIMARY KEY, a TINYINT UNSIGNED, b SMALLINT, c MEDIUMINT,"
                        + " d MEDIUMINT UNSIGNED, e INT, f BIGINT, g INT(5) ZEROFILL, h YEAR, i TIME, j TIME(3),"
                        + " k DATETIME(2), l DATE NULL, m TINYINT",
                "(1, 255, -32768, -8388608, 16777215, -2147483648, -9223372036854775808, 42, 1901, '-838:59:59',"
                        + " '-00:00:00.5', '2024-02-29 23:59:59.99', NULL, -1),"
                        + " (2, 0, 32767, 8388607, 0, 2147483647, 9223372036854775807, 0, 2155, '838:59:59', '00:00:00',"
                        + " '1000-01-01 00:00:00.01', '9999-12-31', 127)",
                "(1, 255, -32768, -8388608, 16777215, -2147483648, -9223372036854775808, 42, 1901, '-838:59:59',"
                        + " '-00:00:00.5', '2024-02-29 23:59:59.99', NULL, -1),"
                        + " (2, 0, 32767, 8388607, 0, 2147483647, 9223372036854775807, 0, 2155, '838:59:59', '00:00:00',"
                        + " '1000-01-01 00:00:00.02', '9999-12-31', 127)",
                "changed (2) [k]"));
        c.add(new Case("timestamp_same_instant", "id INT PRIMARY KEY, ts TIMESTAMP(3) NULL",
                "id INT PRIMARY KEY, ts TIMESTAMP(3) NULL",
                List.of("SET time_zone = '+02:00'", "INSERT INTO timestamp_same_instant VALUES (1, '2024-03-01 12:00:00.250')"),
                List.of("SET time_zone = '-05:00'", "INSERT INTO timestamp_same_instant VALUES (1, '2024-03-01 05:00:00.250')"),
                List.of()));
        c.add(new Case("timestamp_other_instant", "id INT PRIMARY KEY, ts TIMESTAMP NULL", "id INT PRIMARY KEY, ts TIMESTAMP NULL",
                List.of("SET time_zone = '+02:00'", "INSERT INTO timestamp_other_instant VALUES (1, '2024-03-01 12:00:00')"),
                List.of("SET time_zone = '+00:00'", "INSERT INTO timestamp_other_instant VALUES (1, '2024-03-01 12:00:00')"),
                List.of("changed (1) [ts]")));
        c.add(same("blob_trailing_zero", "id INT PRIMARY KEY, b BLOB, v VARBINARY(8)", "(1, X'6100', X'00'), (2, X'00', X'')",
                "(1, X'61', X'00'), (2, X'00', X'')", "changed (1) [b]"));
        c.add(same("binary_padding", "id INT PRIMARY KEY, b BINARY(4)", "(1, 'a'), (2, X'61000001')",
                "(1, X'61000000'), (2, X'61000002')", "changed (2) [b]"));
        c.add(same("json", "id INT PRIMARY KEY, j JSON", "(1, '{\"a\":1,\"b\":[1,2]}'), (2, '{\"a\":1}')",
                "(1, '{\"b\": [1, 2], \"a\": 1}'), (2, '{\"a\":2}')", "changed (2) [j]"));
        c.add(same("bit", "id INT PRIMARY KEY, b BIT(8), c BIT(64)", "(1, b'1', 0), (2, b'0', 18446744073709551615)",
                "(1, b'10', 0), (2, b'0', 18446744073709551615)", "changed (1) [b]"));
        c.add(same("enum_set", "id INT PRIMARY KEY, e ENUM('a','b#c'), s SET('x','y')", "(1, 'a', 'x,y'), (2, 'b#c', '')",
                "(1, 'b#c', 'x,y'), (2, 'b#c', 'y')", "changed (1) [e]", "changed (2) [s]"));
        c.add(same("utf8mb4", "id INT PRIMARY KEY, s VARCHAR(10)", "(1, '😀'), (2, 'żółw')", "(1, '😁'), (2, 'żółw')",
                "changed (1) [s]"));
        c.add(same("case_in_ci_column", "id INT PRIMARY KEY, s VARCHAR(10) COLLATE utf8mb4_general_ci", "(1, 'abc')",
                "(1, 'ABC')", "changed (1) [s]"));
        c.add(same("trailing_space", "id INT PRIMARY KEY, s VARCHAR(10)", "(1, 'a'), (2, 'b')", "(1, 'a '), (2, 'b')",
                "changed (1) [s]"));
        c.add(same("same_change_four_rows", "id INT PRIMARY KEY, t DATETIME",
                "(1, '2024-01-01 11:22:00'), (2, '2024-01-02 11:22:00'), (3, '2024-01-03 11:22:00'), (4, '2024-01-04 11:22:00')",
                "(1, '2024-01-01 11:32:00'), (2, '2024-01-02 11:32:00'), (3, '2024-01-03 11:32:00'), (4, '2024-01-04 11:32:00')",
                "changed (1) [t]", "changed (2) [t]", "changed (3) [t]", "changed (4) [t]"));
        c.add(same("swapped_values", "id INT PRIMARY KEY, v INT", "(1, 10), (2, 20)", "(1, 20), (2, 10)",
                "changed (1) [v]", "changed (2) [v]"));
        c.add(new Case("duplicate_rows", "id INT PRIMARY KEY, v INT", "id INT NOT NULL, v INT",
                List.of("INSERT INTO duplicate_rows VALUES (1, 5), (2, 6)"),
                List.of("INSERT INTO duplicate_rows VALUES (1, 5), (1, 5), (2, 6)"), List.of("extra (1) []")));
        c.add(new Case("latin1_vs_utf8mb4", "id INT PRIMARY KEY, s VARCHAR(10) CHARACTER SET latin1",
                "id INT PRIMARY KEY, s VARCHAR(10) CHARACTER SET utf8mb4",
                List.of("INSERT INTO latin1_vs_utf8mb4 VALUES (1, 'café'), (2, 'x')"),
                List.of("INSERT INTO latin1_vs_utf8mb4 VALUES (1, 'café'), (2, 'y')"), List.of("changed (2) [s]")));
        c.add(widened("widened_decimal", "id INT PRIMARY KEY, m DECIMAL(10,2) NULL", "id INT PRIMARY KEY, m DECIMAL(12,4) NULL",
                "(1, 1.50), (2, -0.01), (3, 100), (4, NULL), (5, 0)", "(1, 1.5), (2, -0.0100), (3, 100.0000), (4, NULL), (5, 0.0001)",
                "changed (5) [m]"));
        c.add(widened("int_to_decimal", "id INT PRIMARY KEY, m INT", "id INT PRIMARY KEY, m DECIMAL(12,2)",
                "(1, 10), (2, 2000)", "(1, 10.00), (2, 2000.01)", "changed (2) [m]"));
        c.add(widened("narrowed_decimal", "id INT PRIMARY KEY, m DECIMAL(12,4)", "id INT PRIMARY KEY, m DECIMAL(10,2)",
                "(1, 1.2300), (2, 1.2345)", "(1, 1.23), (2, 1.23)", "changed (2) [m]"));
        c.add(widened("widened_datetime", "id INT PRIMARY KEY, d DATETIME NULL, t TIME", "id INT PRIMARY KEY, d DATETIME(3) NULL, t TIME(2)",
                "(1, '2024-01-01 10:00:00', '10:00:00'), (2, '2024-01-01 10:00:01', '-01:00:00'), (3, NULL, '00:00:00')",
                "(1, '2024-01-01 10:00:00.000', '10:00:00.00'), (2, '2024-01-01 10:00:01.001', '-01:00:00'), (3, NULL, '00:00:00.01')",
                "changed (2) [d]", "changed (3) [t]"));
        c.add(widened("float_to_double", "id INT PRIMARY KEY, f FLOAT NULL, t TIME(6)", "id INT PRIMARY KEY, f DOUBLE NULL, t TIME",
                "(1, 0.5, '10:00:00'), (2, 16777216, '-838:59:59'), (3, -2.25, '00:00:01'), (4, NULL, '00:00:00'), (5, 1.5, '01:00:00')",
                "(1, 0.5, '10:00:00'), (2, 16777216, '-838:59:59'), (3, -2.25, '00:00:01'), (4, NULL, '00:00:00'), (5, 1.75, '01:00:00')",
                "changed (5) [f]"));
        c.add(widened("int_to_bigint", "id INT PRIMARY KEY, a TINYINT, b SMALLINT UNSIGNED, c INT, d INT UNSIGNED, e BIGINT",
                "id BIGINT PRIMARY KEY, a INT, b BIGINT, c BIGINT, d BIGINT, e BIGINT UNSIGNED",
                "(1, -128, 65535, -2147483648, 4294967295, 9223372036854775807), (2, 127, 0, 2147483647, 0, 0),"
                        + " (3, -1, 1, -1, 1, 5)",
                "(1, -128, 65535, -2147483648, 4294967295, 9223372036854775807), (2, 127, 0, 2147483647, 0, 0),"
                        + " (3, -1, 1, -1, 1, 5)"));
        // integers are hashed 8 bytes wide whatever their column: -1 and 2^64 - 1 must still differ
        c.add(widened("narrowed_unsigned", "id INT PRIMARY KEY, u BIGINT UNSIGNED, s INT",
                "id INT PRIMARY KEY, u BIGINT, s BIGINT UNSIGNED",
                "(1, 18446744073709551615, 0), (2, 9223372036854775807, 2147483647), (3, 0, 4)",
                "(1, -1, 0), (2, 9223372036854775807, 2147483647), (3, 0, 4)", "changed (1) [u]"));
        c.add(widened("date_to_datetime", "id INT PRIMARY KEY, d DATE", "id INT PRIMARY KEY, d DATETIME(6)",
                "(1, '2024-02-29'), (2, '2024-03-01')", "(1, '2024-02-29 00:00:00'), (2, '2024-03-01 00:00:00.000001')",
                "changed (2) [d]"));
        c.add(widened("narrowed_datetime", "id INT PRIMARY KEY, d DATETIME(6)", "id INT PRIMARY KEY, d DATETIME",
                "(1, '2024-01-01 10:00:00.000000'), (2, '2024-01-01 10:00:00.999999')",
                "(1, '2024-01-01 10:00:00'), (2, '2024-01-01 10:00:00')", "changed (2) [d]"));
        c.add(widened("widened_timestamp", "id INT PRIMARY KEY, ts TIMESTAMP NULL", "id INT PRIMARY KEY, ts TIMESTAMP(6) NULL",
                "(1, '2024-01-01 10:00:00'), (2, NULL)", "(1, '2024-01-01 10:00:00'), (2, '2024-01-01 10:00:00')",
                "changed (2) [ts]"));
        c.add(widened("spatial_values", "id INT PRIMARY KEY, g GEOMETRY NULL", "id INT PRIMARY KEY, g GEOMETRY NULL",
                "(1, ST_GeomFromText('POINT(1 2)', 4326)), (2, ST_GeomFromText('POINT(1 2)', 4326)), (3, NULL)",
                "(1, ST_GeomFromText('POINT(1 2)', 4326)), (2, ST_GeomFromText('POINT(1 2)', 0)), (3, ST_GeomFromText('POINT(0 0)'))",
                "changed (2) [g]", "changed (3) [g]"));
        c.add(same("zero_dates", "id INT PRIMARY KEY, d DATE NULL, dt DATETIME NULL",
                "(1, '0000-00-00', '0000-00-00 00:00:00'), (2, '2024-00-00', '2024-01-00 10:00:00'), (3, '2024-02-29', NULL)",
                "(1, '0000-00-00', '0000-00-00 00:00:00'), (2, '2024-01-00', '2024-01-00 10:00:00'), (3, '0000-00-00', NULL)",
                "changed (2) [d]", "changed (3) [d]"));
        c.add(widened("generated_columns", "id INT PRIMARY KEY, a INT, g INT AS (a * 2) STORED, v INT AS (a + 1) VIRTUAL",
                "id INT PRIMARY KEY, a INT, g INT AS (a * 2) STORED, v INT AS (a + 2) VIRTUAL",
                "(1, 10, DEFAULT, DEFAULT), (2, 20, DEFAULT, DEFAULT)", "(1, 10, DEFAULT, DEFAULT), (2, 21, DEFAULT, DEFAULT)",
                "changed (1) [v]", "changed (2) [a, g, v]"));
        c.add(same("generated_same", "id INT PRIMARY KEY, a INT, g INT AS (a * 2) STORED, v INT AS (a + 1) VIRTUAL",
                "(1, 10, DEFAULT, DEFAULT), (2, 20, DEFAULT, DEFAULT)", "(1, 10, DEFAULT, DEFAULT), (2, 21, DEFAULT, DEFAULT)",
                "changed (2) [a, g, v]"));
        c.add(new Case("partitioned", "CREATE TABLE partitioned (id INT PRIMARY KEY, v VARCHAR(10)) PARTITION BY HASH (id)"
                + " PARTITIONS 4", "CREATE TABLE partitioned (id INT PRIMARY KEY, v VARCHAR(10)) PARTITION BY RANGE (id)"
                + " (PARTITION p0 VALUES LESS THAN (3), PARTITION p1 VALUES LESS THAN MAXVALUE)",
                List.of("INSERT INTO partitioned VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')"),
                List.of("INSERT INTO partitioned VALUES (1, 'a'), (2, 'B'), (3, 'c'), (5, 'e'), (6, 'f')"),
                List.of("changed (2) [v]", "missing (4) []", "extra (6) []")));
        c.add(same("decimal_65_30", "id INT PRIMARY KEY, m DECIMAL(65,30)",
                "(1, 99999999999999999999999999999999999.999999999999999999999999999999),"
                        + " (2, -0.000000000000000000000000000001), (3, 0)",
                "(1, 99999999999999999999999999999999999.999999999999999999999999999998),"
                        + " (2, -0.000000000000000000000000000001), (3, 0.000000000000000000000000000001)",
                "changed (1) [m]", "changed (3) [m]"));
        c.add(same("bigint_unsigned_max", "id BIGINT UNSIGNED PRIMARY KEY, v BIGINT UNSIGNED",
                "(18446744073709551615, 18446744073709551615), (9223372036854775808, 0), (1, 9223372036854775807)",
                "(18446744073709551615, 18446744073709551614), (9223372036854775808, 0), (1, 9223372036854775808)",
                "changed (18446744073709551615) [v]", "changed (1) [v]"));
        c.add(new Case("select", "CREATE TABLE `select` (`from` INT PRIMARY KEY, `a b` VARCHAR(5), `we``ird` INT, `order` INT)",
                "CREATE TABLE `select` (`from` INT PRIMARY KEY, `a b` VARCHAR(5), `we``ird` INT, `order` INT)",
                List.of("INSERT INTO `select` VALUES (1, 'x', 1, 1), (2, 'y', 2, 2), (3, 'z', 3, 3)"),
                List.of("INSERT INTO `select` VALUES (1, 'x', 1, 1), (2, 'y', 5, 2), (4, 'w', 4, 4)"),
                List.of("changed (2) [we`ird]", "missing (3) []", "extra (4) []")));
        c.add(same("ci_key", "k VARCHAR(10) COLLATE utf8mb4_general_ci PRIMARY KEY, v INT", "('abc', 1), ('b', 2), ('c', 3)",
                "('ABC', 1), ('c', 3), ('d', 4)", "changed (abc) [k]", "missing (b) []", "extra (d) []"));
        c.add(same("binary_key", "k BINARY(2) PRIMARY KEY, v INT", "(X'0000', 1), (X'7fff', 2), (X'8000', 3), (X'ffff', 4)",
                "(X'0000', 1), (X'8000', 3), (X'ffff', 5)", "missing (0x7fff) []", "changed (0xffff) [v]"));
        c.add(same("composite_key", "a INT, b VARCHAR(5), c DATE, v INT, PRIMARY KEY (a, b, c)",
                "(1, 'x', '2024-01-01', 1), (1, 'x', '2024-01-02', 2), (1, 'y', '2024-01-01', 3), (2, 'a', '2024-01-01', 4)",
                "(1, 'x', '2024-01-01', 1), (1, 'x', '2024-01-02', 9), (2, 'a', '2024-01-01', 4), (2, 'a', '2024-01-02', 5)",
                "changed (1, x, 2024-01-02) [v]", "missing (1, y, 2024-01-01) []", "extra (2, a, 2024-01-02) []"));
        c.add(same("unsigned_bigint_key", "k BIGINT UNSIGNED PRIMARY KEY, v INT",
                "(1, 1), (9223372036854775808, 2), (18446744073709551615, 3)",
                "(1, 1), (9223372036854775808, 2), (18446744073709551615, 4)", "changed (18446744073709551615) [v]"));
        c.add(same("all_types_equal",
                "id BIGINT PRIMARY KEY, a TINYINT, b DECIMAL(30,10), c DOUBLE, d FLOAT, e DATE, f DATETIME(6), g TIME,"
                        + " h YEAR, i CHAR(5), j TEXT, k BLOB, l BIT(3), m JSON, n ENUM('p','q'), o SET('r','s')",
                "(1, -128, 12345678901234567890.0123456789, -2.5e-300, 3.25, '1000-01-01', '9999-12-31 23:59:59.999999',"
                        + " '838:59:59', 2155, 'ab', 'long text', X'000102', b'101', '[1, {\"k\": null}]', 'q', 's,r')",
                "(1, -128, 12345678901234567890.0123456789, -2.5e-300, 3.25, '1000-01-01', '9999-12-31 23:59:59.999999',"
                        + " '838:59:59', 2155, 'ab', 'long text', X'000102', b'101', '[1, {\"k\": null}]', 'q', 's,r')"));
        return c;
    }

    static VerifyContext context;

    @BeforeAll
    static void setUp() {
        build(SRC, DST, cases());
    }

    /** Creates both databases with one table per case; also used by the repair tests. */
    static void build(String srcDb, String dstDb, List<Case> cases) {
        TestDatabase db = TestDatabase.get();
        db.recreate(srcDb, dstDb);
        for (Case c : cases) {
            List<String> src = new ArrayList<>(List.of("USE " + srcDb, create(c.table(), c.ddl())));
            src.addAll(c.srcSql());
            db.execute(src.toArray(String[]::new));
            List<String> dst = new ArrayList<>(List.of("USE " + dstDb, create(c.table(), c.dstDdl())));
            dst.addAll(c.dstSql());
            db.execute(dst.toArray(String[]::new));
        }
    }

    /** A column list, or a whole CREATE TABLE statement (for options after the columns, or a quoted name). */
    static String create(String table, String ddl) {
        return ddl.startsWith("CREATE ") ? ddl : "CREATE TABLE " + table + " (" + ddl + ")";
    }

    static VerifyContext open(HashAlgorithm hash) {
        return open(new Options(1000, 1, hash));
    }

    static VerifyContext open(Options options) {
        TestDatabase db = TestDatabase.get();
        JobSpec spec = new JobSpec("encoding", Path.of("encoding.yml"), "0".repeat(64),
                new Endpoint("source", db.url(SRC), db.user(), Secret.of(db.password())),
                new Endpoint("destination", db.url(DST), db.user(), Secret.of(db.password())),
                List.of(new TableSpec(null, "*", List.of(), null, List.of(), null, List.of(), "tables[0]")),
                options, null);
        return VerifyPreparation.prepare(spec);
    }

    @AfterAll
    static void tearDown() {
        if (context != null) {
            context.close();
        }
    }

    static Stream<Case> casesStream() {
        return cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesStream")
    void reportsExactlyTheDifferingRowsWithCrc64(Case c) {
        TestDatabase.assumeServerHash(HashAlgorithm.CRC64);
        try (VerifyContext ctx = open(HashAlgorithm.CRC64)) {
            check(ctx, c);
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void everyCaseAgreesForEachHash(HashAlgorithm hash) {
        TestDatabase.assumeServerHash(hash);
        try (VerifyContext ctx = open(hash)) {
            for (Case c : cases()) {
                check(ctx, c);
            }
        }
    }

    /**
     * {@code hashing: client}: the same cases with rows streamed in the binary protocol and hashed in Java. The chunk
     * checksums themselves must already tell equal tables from differing ones, for every hash.
     */
    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void clientHashingAgreesOnEveryCase(HashAlgorithm hash) {
        Options d = Options.defaults();
        Options client = new Options(1000, 1, hash, d.recheck(), d.retry(), d.throttle(), d.lockWaitTimeout(), d.fence(),
                d.fenceTimeout(), Hashing.CLIENT, null, d.reconcile());
        try (VerifyContext ctx = open(client)) {
            for (Case c : cases()) {
                var plan = ctx.plan(SRC + "." + c.table());
                var pair = ctx.checksummer().both(plan.source(), plan.destination(), KeyRange.ALL);
                assertThat(pair.matches()).as(c.table() + " client " + hash + " " + pair).isEqualTo(c.expected().isEmpty());
                check(ctx, c);
            }
            assertThat(ctx.checksummer().describeHashing()).startsWith("client: ")
                    .containsPattern("rows hashed whole as they arrive in \\d+% of those chunks");
        }
    }

    /**
     * {@code hashing: auto}: on each side, the server's checksum computed in Java (the row encoding rebuilt from the
     * streamed values) must equal the server's own, for every case and every hash the server computes; the rows kept
     * while streaming must carry exactly the hashes of the server's row hash listing; and a source hashed in Java
     * must compare with a destination hashed on the server exactly as two servers do.
     */
    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void serverChecksumsComputedInJavaEqualTheServersOnEveryCase(HashAlgorithm hash) throws Exception {
        TestDatabase.assumeServerHash(hash);
        int keptCases = 0;
        try (VerifyContext ctx = open(new Options(1000, 1, hash))) {
            for (Case c : cases()) {
                var plan = ctx.plan(SRC + "." + c.table());
                String what = c.table() + " " + hash;
                var java = new java.util.ArrayList<io.parity.core.ChunkChecksum>();
                var server = new java.util.ArrayList<io.parity.core.ChunkChecksum>();
                for (var side : List.of(ctx.source(), ctx.destination())) {
                    var table = side == ctx.source() ? plan.source() : plan.destination();
                    var checksums = side.engine().checksums();
                    var onServer = checksums.server().orElseThrow();
                    try (var conn = side.dataSource().getConnection()) {
                        var s = onServer.checksum(conn, table, KeyRange.ALL, hash);
                        var keep = new io.parity.core.KeyedRowHashes(1000);
                        var j = onServer.inJava().orElseThrow().checksum(conn, table, KeyRange.ALL, hash, keep);
                        assertThat(j).as(what + " " + side.side()).isEqualTo(s);
                        server.add(s);
                        java.add(j);
                        if (keep.complete()) {
                            var listing = checksums.listings().orElseThrow()
                                    .rowHashes(conn, table, KeyRange.ALL, hash, Hashing.SERVER, 0);
                            assertThat(keep.toRowHashes().rows().stream().map(r -> r.a() + "/" + r.b()).toList())
                                    .as(what + " kept hashes " + side.side())
                                    .containsExactlyElementsOf(listing.rows().stream().map(r -> r.a() + "/" + r.b()).toList());
                            keptCases++;
                        }
                    }
                }
                assertThat(java.get(0).equals(server.get(1))).as(what + " Java source, server destination")
                        .isEqualTo(c.expected().isEmpty());
                assertThat(server.get(0).equals(java.get(1))).as(what + " server source, Java destination")
                        .isEqualTo(c.expected().isEmpty());
            }
        }
        assertThat(keptCases).isGreaterThan(40);
    }

    /**
     * The default, {@code hashing: auto}, end to end: each case verified six times, so that each side has hashed in
     * both places (a side's first four chunks are hashed in Java, then chunks too small to time alternate between
     * the places), must report exactly the expected rows.
     */
    @Test
    void autoHashingReportsExactlyTheDifferingRowsOfEveryCase() {
        Options d = Options.defaults();
        assertThat(d.hashing()).isEqualTo(Hashing.AUTO);
        Options auto = new Options(1000, 1, null, d.recheck(), d.retry(), d.throttle(), d.lockWaitTimeout(), d.fence(),
                d.fenceTimeout(), Hashing.AUTO, null, d.reconcile());
        try (VerifyContext ctx = open(auto)) {
            for (Case c : cases()) {
                for (int i = 0; i < 6; i++) {
                    check(ctx, c);
                }
            }
            assertThat(ctx.checksummer().describeHashing()).startsWith("auto: source: ").contains("destination: ")
                    .as("chunks both sides hashed in Java use Parity's own encoding")
                    .contains("of chunks hashed in Parity on both sides, in its own binary encoding");
            if (TestDatabase.get().hashesOnServer(HashAlgorithm.CRC64)) {
                // both sides on this machine: the CRC pair, cheapest where rows are hashed in Java
                assertThat(ctx.checksummer().plan().hash()).isEqualTo(HashAlgorithm.CRC64);
                assertThat(ctx.checksummer().describeHashing()).contains("hash crc64: both sides are near");
            }
        }
    }

    /** Both sides' checksums of the whole table computed by their servers. */
    private static io.parity.core.ChecksumPair onServers(VerifyContext ctx, io.parity.schema.TablePlan plan,
                                                        HashAlgorithm hash) {
        var sums = new java.util.ArrayList<io.parity.core.ChunkChecksum>();
        for (var side : List.of(ctx.source(), ctx.destination())) {
            var table = side == ctx.source() ? plan.source() : plan.destination();
            try (var conn = side.dataSource().getConnection()) {
                sums.add(side.engine().checksums().server().orElseThrow().checksum(conn, table, KeyRange.ALL, hash));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new io.parity.core.ChecksumPair(sums.get(0), sums.get(1));
    }

    /**
     * Row hash listings, with either hashing place: their sums must be exactly the checksums the chunk queries
     * return (a listing stands in for the checksum of a chunk in dense drift), and reconciling from them must name
     * exactly the differing rows and columns of every case.
     */
    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void rowHashListingsAgreeWithChecksumsAndReconcileEveryCase(HashAlgorithm hash) {
        Options d = Options.defaults();
        for (Hashing place : Hashing.values()) {
            if (place != Hashing.CLIENT && !TestDatabase.get().hashesOnServer(hash)) {
                continue; // MySQL has no CRC32C: crc64 listings are hashed in Java only
            }
            Options options = new Options(1000, 1, hash, d.recheck(), d.retry(), d.throttle(), d.lockWaitTimeout(),
                    d.fence(), d.fenceTimeout(), place, null, Reconcile.ROW_HASHES);
            try (VerifyContext ctx = open(options)) {
                for (Case c : cases()) {
                    var plan = ctx.plan(SRC + "." + c.table());
                    var listings = ctx.checksummer().listings(plan.source(), plan.destination(), KeyRange.ALL, 0);
                    // under auto a chunk both sides hash in Java is in Parity's own encoding, which listings are not
                    var pair = place == Hashing.AUTO ? onServers(ctx, plan, hash)
                            : ctx.checksummer().both(plan.source(), plan.destination(), KeyRange.ALL);
                    String what = c.table() + " " + place + " " + hash;
                    if (place == Hashing.CLIENT && ctx.checksummer().hashesWholeRows(plan.source(), plan.destination())) {
                        // chunks are hashed whole, listings value by value: the same verdict, other sums
                        assertThat(listings.source().checksum().equals(listings.destination().checksum())).as(what)
                                .isEqualTo(pair.matches());
                        assertThat(listings.source().checksum().rows()).as(what).isEqualTo(pair.source().rows());
                    } else {
                        assertThat(listings.source().checksum()).as(what).isEqualTo(pair.source());
                        assertThat(listings.destination().checksum()).as(what).isEqualTo(pair.destination());
                    }
                    List<String> rendered = ctx.reconciler(plan).fromListings(KeyRange.ALL, listings).stream()
                            .map(RowEncodingIT::render).toList();
                    assertThat(rendered).as(what).containsExactlyInAnyOrderElementsOf(c.expected());
                    if (listings.source().rows().size() > 1) {
                        var cut = ctx.checksummer().listings(plan.source(), plan.destination(), KeyRange.ALL, 1);
                        assertThat(cut.source().complete()).as(what + " limited").isFalse();
                    }
                }
            }
        }
    }

    /**
     * Per-bucket checksums computed by key arithmetic (the first pass of chunks expected to differ sparsely): over a
     * range of one key value per bucket, and over one where all rows share a bucket, the buckets must sum exactly to
     * the range's checksum, and reconciling from them must give exactly what checksum-then-narrow gives, for every
     * case with a one-column integer key and every hash.
     */
    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void evenBucketChecksumsSumToTheChunkChecksumAndReconcileEveryCase(HashAlgorithm hash) {
        TestDatabase.assumeServerHash(hash);
        int tried = 0;
        try (VerifyContext ctx = open(new Options(1000, 1, hash))) {
            assertThat(ctx.checksummer().evenBucketsFirst()).isTrue();
            for (Case c : cases()) {
                var plan = ctx.plan(SRC + "." + c.table());
                for (KeyRange range : List.of(new KeyRange(KeyValues.of(0L), KeyValues.of(16L)),
                        new KeyRange(KeyValues.of(-1000L), KeyValues.of(1000L)))) {
                    var buckets = plan.source().singleIntegerKey() && plan.destination().singleIntegerKey()
                            ? EvenBuckets.of(range, 16) : java.util.Optional.<EvenBuckets>empty();
                    if (buckets.isEmpty()) {
                        continue;
                    }
                    tried++;
                    String what = c.table() + " " + hash + " " + range;
                    var pairs = ctx.checksummer().evenBuckets(plan.source(), plan.destination(), buckets.get());
                    assertThat(pairs).as(what).hasSize(buckets.get().count());
                    var pair = ctx.checksummer().both(plan.source(), plan.destination(), range);
                    var src = io.parity.core.ChunkChecksum.EMPTY;
                    var dst = io.parity.core.ChunkChecksum.EMPTY;
                    for (var p : pairs) {
                        src = src.plus(p.source());
                        dst = dst.plus(p.destination());
                    }
                    assertThat(src).as(what).isEqualTo(pair.source());
                    assertThat(dst).as(what).isEqualTo(pair.destination());
                    var reconciler = ctx.reconciler(plan);
                    List<String> narrowed = pair.matches() ? List.of()
                            : reconciler.reconcile(range, pair).stream().map(RowEncodingIT::render).toList();
                    List<String> even = reconciler.reconcile(buckets.get(), pairs).stream().map(RowEncodingIT::render).toList();
                    assertThat(even).as(what).containsExactlyInAnyOrderElementsOf(narrowed);
                    if (!c.table().contains("unsigned") && !c.table().equals("duplicate_rows")) {
                        assertThat(even).as(what).containsExactlyInAnyOrderElementsOf(c.expected());
                    }
                }
            }
        }
        assertThat(tried).isGreaterThan(30);
    }

    /**
     * Rows hashed whole, as the wire carries them, where both sides' streamed rows arrive alike: that must be every
     * case whose two tables are declared alike (and none where a DECIMAL's digits differ), and the whole hashes must
     * differ exactly where Parity's own encoding's do: for the chunk, and row by row (the keys whose kept hashes
     * differ), for every case and every hash. Row reads after a checksum would hide a false difference, so it is
     * checked here on the hashes themselves.
     */
    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void wholeRowHashesDifferExactlyWhereTheOwnEncodingDoes(HashAlgorithm hash) throws Exception {
        Options d = Options.defaults();
        Options options = new Options(1000, 1, hash, d.recheck(), d.retry(), d.throttle(), d.lockWaitTimeout(),
                d.fence(), d.fenceTimeout(), Hashing.CLIENT, null, Reconcile.ROW_HASHES);
        int whole = 0;
        try (VerifyContext ctx = open(options)) {
            for (Case c : cases()) {
                var plan = ctx.plan(SRC + "." + c.table());
                String what = c.table() + " " + hash;
                boolean alike = ctx.checksummer().hashesWholeRows(plan.source(), plan.destination());
                if (c.ddl().equals(c.dstDdl())) {
                    assertThat(alike).as(what + ": declared alike").isTrue();
                }
                if (List.of("widened_decimal", "narrowed_decimal", "int_to_decimal").contains(c.table())) {
                    assertThat(alike).as(what + ": other digits").isFalse();
                }
                if (!alike) {
                    continue;
                }
                whole++;
                var src = kept(ctx.source(), plan.source(), hash, false);
                var dst = kept(ctx.destination(), plan.destination(), hash, false);
                var wholeSrc = kept(ctx.source(), plan.source(), hash, true);
                var wholeDst = kept(ctx.destination(), plan.destination(), hash, true);
                assertThat(wholeSrc.checksum().rows()).as(what).isEqualTo(src.checksum().rows());
                assertThat(wholeDst.checksum().rows()).as(what).isEqualTo(dst.checksum().rows());
                assertThat(wholeSrc.checksum().equals(wholeDst.checksum())).as(what)
                        .isEqualTo(src.checksum().equals(dst.checksum()));
                assertThat(wholeSrc.checksum().equals(wholeDst.checksum())).as(what).isEqualTo(c.expected().isEmpty());
                assertThat(wholeSrc.complete()).as(what).isEqualTo(src.complete());
                if (src.complete() && dst.complete()) {
                    var own = KeyedRowHashes.differing(src, dst);
                    var rows = KeyedRowHashes.differing(wholeSrc, wholeDst);
                    assertThat(keys(rows.source())).as(what).isEqualTo(keys(own.source()));
                    assertThat(keys(rows.destination())).as(what).isEqualTo(keys(own.destination()));
                }
            }
        }
        assertThat(whole).isGreaterThan(35);
    }

    /** One side's rows of {@code table}, hashed whole or value by value, keys kept where the key is one integer. */
    private static KeyedRowHashes kept(io.parity.connect.SideConnection side, io.parity.schema.SideTable table,
                                       HashAlgorithm hash, boolean whole) throws Exception {
        KeyedRowHashes keep = new KeyedRowHashes(10_000);
        try (var c = side.dataSource().getConnection()) {
            if (whole) {
                side.engine().checksums().packetHashing().orElseThrow().packetChecksum(c, table, KeyRange.ALL, hash,
                        keep);
            } else {
                side.engine().checksums().keyedStreaming().orElseThrow().streamedChecksum(c, table, KeyRange.ALL, hash,
                        keep);
            }
        }
        return keep;
    }

    private static List<String> keys(io.parity.core.RowHashes rows) {
        return rows.rows().stream().map(r -> r.key().key().toString()).toList();
    }

    /**
     * Client hashing keeps each row's integer key and hash while streaming: the checksum must be exactly the plain
     * streamed one, every row must be kept (BIGINT UNSIGNED keys are not kept at all), and the kept listing must
     * reconcile to exactly the expected rows of every case.
     */
    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void keptRowHashesOfClientHashingReconcileEveryIntegerKeyedCase(HashAlgorithm hash) {
        Options d = Options.defaults();
        Options options = new Options(1000, 1, hash, d.recheck(), d.retry(), d.throttle(), d.lockWaitTimeout(),
                d.fence(), d.fenceTimeout(), Hashing.CLIENT, null, Reconcile.ROW_HASHES);
        int kept = 0;
        try (VerifyContext ctx = open(options)) {
            for (Case c : cases()) {
                var plan = ctx.plan(SRC + "." + c.table());
                if (c.table().equals("unsigned_bigint_key")) {
                    assertThat(ctx.checksummer().keepsRowHashes(plan.source(), plan.destination()))
                            .as("BIGINT UNSIGNED keys are BigIntegers elsewhere").isFalse();
                }
                if (!ctx.checksummer().keepsRowHashes(plan.source(), plan.destination())) {
                    continue;
                }
                String what = c.table() + " " + hash;
                var sides = ctx.checksummer().keyedChecksums(plan.source(), plan.destination(), KeyRange.ALL, 1000, 1000);
                var pair = ctx.checksummer().both(plan.source(), plan.destination(), KeyRange.ALL);
                assertThat(sides.source().checksum()).as(what).isEqualTo(pair.source());
                assertThat(sides.destination().checksum()).as(what).isEqualTo(pair.destination());
                assertThat(sides.source().complete() && sides.destination().complete()).as(what).isTrue();
                assertThat(sides.source().size()).as(what).isEqualTo(pair.source().rows());
                kept++;
                List<String> rendered = ctx.reconciler(plan).fromListings(KeyRange.ALL, new Sides<>(
                        sides.source().toRowHashes(), sides.destination().toRowHashes())).stream()
                        .map(RowEncodingIT::render).toList();
                assertThat(rendered).as(what).containsExactlyInAnyOrderElementsOf(c.expected());
                var small = ctx.checksummer().keyedChecksums(plan.source(), plan.destination(), KeyRange.ALL, 1, 1);
                if (pair.source().rows() > 1) {
                    assertThat(small.source().complete()).as(what + " limited").isFalse();
                    assertThat(small.source().checksum()).as(what + " limited").isEqualTo(pair.source());
                }
            }
        }
        assertThat(kept).isGreaterThan(20);
    }

    @Test
    void checksumsOfEqualTablesAreEqualAndDifferingOnesAreNot() {
        try (VerifyContext ctx = open(TestDatabase.get().cheapServerHash())) {
            for (Case c : cases()) {
                var plan = ctx.plan(SRC + "." + c.table());
                var pair = ctx.checksummer().both(plan.source(), plan.destination(), KeyRange.ALL);
                assertThat(pair.matches()).as(c.table()).isEqualTo(c.expected().isEmpty());
            }
        }
    }

    @Test
    void sessionsArePinnedAndReadOnly() throws Exception {
        try (VerifyContext ctx = open(TestDatabase.get().cheapServerHash())) {
            for (var side : List.of(ctx.source(), ctx.destination())) {
                try (var c = side.dataSource().getConnection(); var st = c.createStatement();
                     var rs = st.executeQuery("SELECT @@session.time_zone, @@session.character_set_client,"
                             + " @@session.sql_mode, @@session." + TestDatabase.get().readOnlyVariable())) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("+00:00");
                    assertThat(rs.getString(2)).isEqualTo("utf8mb4");
                    assertThat(rs.getString(3)).isEqualTo("STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION");
                    assertThat(rs.getInt(4)).isEqualTo(1);
                    org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> st.executeUpdate("DELETE FROM " + SRC + ".null_vs_empty"))
                            .hasMessageContaining("read-only");
                }
            }
        }
    }

    private static void check(VerifyContext ctx, Case c) {
        ChunkResult result = new ChunkVerifier(ctx).verify(new Chunk(SRC + "." + c.table(), 0, 0, KeyRange.ALL));
        List<String> rendered = result.diffs().stream().map(RowEncodingIT::render).toList();
        assertThat(rendered).as(c.table()).containsExactlyInAnyOrderElementsOf(c.expected());
        assertThat(result.matched()).as(c.table() + " checksums match").isEqualTo(c.expected().isEmpty());
    }

    static String render(RowDiff d) {
        return d.kind().label() + " " + d.key() + " " + d.columns().toString();
    }
}
