package io.parity.it;

import io.parity.core.HashAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through the CLI on real MariaDB: multi-chunk, multi-segment tables with differences spread over the key
 * space (bisection and partitions exercised), schema findings, filters, and the exact report content.
 */
class VerifyIT {

    static final String SRC = "pit_verify_src";
    static final String DST = "pit_verify_dst";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d,
                    // sparse keys: ids 7, 14, 21, ... with a large gap in the middle
                    "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, status VARCHAR(16) NOT NULL,"
                            + " amount DECIMAL(12,2) NOT NULL, note VARCHAR(200) NULL, created_at DATETIME(6) NOT NULL,"
                            + " KEY (customer_id))",
                    "INSERT INTO orders SELECT IF(seq <= 10000, seq * 7, 1000000 + seq * 3), seq % 97,"
                            + " ELT(1 + seq % 3, 'new', 'paid', 'shipped'), seq / 4, IF(seq % 5 = 0, NULL, CONCAT('n', seq)),"
                            + " TIMESTAMP('2025-01-01') + INTERVAL seq SECOND FROM " + Numbers.upTo(20000),
                    "CREATE TABLE tokens (k BINARY(16) PRIMARY KEY, v INT NOT NULL)",
                    "INSERT INTO tokens SELECT UNHEX(MD5(seq)), seq FROM " + Numbers.upTo(5000),
                    "CREATE TABLE line_items (a INT NOT NULL, b VARCHAR(10) COLLATE utf8mb4_general_ci NOT NULL, c DATE NOT NULL,"
                            + " v INT, PRIMARY KEY (a, b, c))",
                    "INSERT INTO line_items SELECT seq DIV 20, ELT(1 + seq % 4, 'ab', 'Cd', 'ef', 'GH'),"
                            + " DATE('2024-01-01') + INTERVAL (seq % 5) DAY, seq FROM " + Numbers.upTo(16000),
                    "CREATE TABLE same (id INT PRIMARY KEY, v VARCHAR(10))",
                    "INSERT INTO same SELECT seq, CONCAT('v', seq) FROM " + Numbers.upTo(3000),
                    // even ids 2..60000; dense differences are made below
                    "CREATE TABLE dense (id INT PRIMARY KEY, v INT NOT NULL, s VARCHAR(20) NULL)",
                    "INSERT INTO dense SELECT seq * 2, seq, IF(seq % 3 = 0, NULL, CONCAT('s', seq)) FROM " + Numbers.upTo(30000),
                    // ids 3..90000 step 3, a run of consecutive ids, and a few far apart up to the largest BIGINT
                    // parity_bucket: a column named like the bucket queries' alias, which must not group by it
                    "CREATE TABLE sparse (id BIGINT PRIMARY KEY, v INT NOT NULL, s VARCHAR(20) NULL, d DOUBLE NULL,"
                            + " parity_bucket INT NOT NULL DEFAULT 0)",
                    "INSERT INTO sparse SELECT seq * 3, seq, IF(seq % 4 = 0, NULL, CONCAT('s', seq)), seq / 8, seq % 5"
                            + " FROM " + Numbers.upTo(30000),
                    "INSERT INTO sparse SELECT seq, seq, 'run', NULL, seq % 3 FROM " + Numbers.range(200001, 205000),
                    "INSERT INTO sparse VALUES (1000000000000, 1, NULL, 0.5, 1), (1000000000000000, 2, 'x', NULL, 2),"
                            + " (9223372036854775806, 3, '', 1e308, 3), (9223372036854775807, 4, 'max', -0.0, 4)",
                    "ANALYZE TABLE orders, tokens, line_items, same, dense, sparse");
        }
        db.execute("USE " + DST,
                "DELETE FROM orders WHERE id IN (7, 35000, 1060000)",
                "INSERT INTO orders VALUES (500000, 1, 'new', 1, NULL, '2025-01-01'), (9000000, 1, 'new', 1, NULL, '2025-01-01')",
                "UPDATE orders SET amount = amount + 0.01 WHERE id = 14",
                "UPDATE orders SET note = NULL WHERE id = 21",
                "UPDATE orders SET status = 'PAID', created_at = created_at + INTERVAL 1 MICROSECOND WHERE id = 42007",
                "UPDATE orders SET note = CONCAT(note, ' ') WHERE id = 1030003",
                "DELETE FROM tokens WHERE k = UNHEX(MD5(4321))",
                "UPDATE tokens SET v = -1 WHERE k = UNHEX(MD5(1))",
                "UPDATE line_items SET v = 0 WHERE a = 10 AND b = 'ab' AND c = '2024-01-01'",
                "UPDATE line_items SET b = 'CD' WHERE a = 500 AND b = 'Cd' AND c = '2024-01-02'",
                "DELETE FROM line_items WHERE a = 700 AND b = 'ef' AND c = '2024-01-04'",
                // dense: ~10% of rows changed throughout, every row of one stretch changed, missing and extra rows
                "DELETE FROM dense WHERE id % 97 = 0",
                "UPDATE dense SET v = v + 1 WHERE id % 20 = 0",
                "UPDATE dense SET s = IF(s IS NULL, '', NULL) WHERE id BETWEEN 40000 AND 44000",
                "INSERT INTO dense SELECT seq * 2 + 1, 0, NULL FROM " + Numbers.upTo(30000) + " WHERE seq % 50 = 0",
                // sparse: a few rows in about a third of the chunks
                "UPDATE sparse SET v = v + 1 WHERE id <= 90000 AND (id DIV 3) % 2500 = 17",
                "UPDATE sparse SET s = IF(s IS NULL, '', NULL) WHERE id <= 90000 AND (id DIV 3) % 3100 = 5",
                "DELETE FROM sparse WHERE id <= 90000 AND (id DIV 3) % 2900 = 1000",
                "INSERT INTO sparse SELECT seq * 3 + 1, 0, NULL, NULL, 0 FROM " + Numbers.upTo(30000) + " WHERE seq % 2700 = 0",
                "UPDATE sparse SET v = 0 WHERE id IN (200001, 202500, 205000)",
                "DELETE FROM sparse WHERE id IN (203333, 1000000000000000)",
                "INSERT INTO sparse VALUES (205001, 0, NULL, NULL, 0)",
                "UPDATE sparse SET v = -1 WHERE id = 9223372036854775807");
    }

    /**
     * The same differences whatever the engine settings: fixed chunks hashed on the servers, rows hashed in Java
     * ({@code hashing: client}), and chunks sized toward a time target ({@code chunk-time}, tiny on purpose so that
     * sizes change many times within a segment).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chunk-rows: 4000", "chunk-rows: 4000\n  hashing: client", "chunk-rows: 4000\n  reconcile: buckets",
            "chunk-rows: 4000\n  boundaries: index",
            "chunk-rows: 1500\n  chunk-time: 15ms", "chunk-rows: 3000\n  chunk-time: 40ms\n  hashing: client\n  hash: sha1"})
    void reportsExactlyTheInjectedDifferencesAcrossChunksAndSegments(String options) throws IOException {
        Path spec = SpecFiles.write(dir, "drift", SRC, DST,
                "tables:\n  - orders\n  - name: tokens\n  - line_items\n  - same\noptions:\n  " + options
                        + "\n  parallelism: 2\n");
        Path reports = dir.resolve("reports-" + Integer.toHexString(options.hashCode()));
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        Path runDir = onlyRunDir(reports.resolve("drift"));
        List<String> diffs = Files.readAllLines(runDir.resolve("diffs.jsonl"));
        assertThat(diffs).containsExactlyInAnyOrder(
                diff("orders", "missing", "{\"id\":7}", "[]"),
                diff("orders", "missing", "{\"id\":35000}", "[]"),
                diff("orders", "missing", "{\"id\":1060000}", "[]"),
                diff("orders", "extra", "{\"id\":500000}", "[]"),
                diff("orders", "extra", "{\"id\":9000000}", "[]"),
                diff("orders", "changed", "{\"id\":14}", "[\"amount\"]"),
                diff("orders", "changed", "{\"id\":21}", "[\"note\"]"),
                diff("orders", "changed", "{\"id\":42007}", "[\"status\",\"created_at\"]"),
                diff("orders", "changed", "{\"id\":1030003}", "[\"note\"]"),
                diff("tokens", "missing", "{\"k\":\"0x" + md5Hex("4321") + "\"}", "[]"),
                diff("tokens", "changed", "{\"k\":\"0x" + md5Hex("1") + "\"}", "[\"v\"]"),
                diff("line_items", "changed", "{\"a\":10,\"b\":\"ab\",\"c\":\"2024-01-01\"}", "[\"v\"]"),
                diff("line_items", "changed", "{\"a\":500,\"b\":\"Cd\",\"c\":\"2024-01-02\"}", "[\"b\"]"),
                diff("line_items", "missing", "{\"a\":700,\"b\":\"ef\",\"c\":\"2024-01-04\"}", "[]"));

        JsonNode summary = JsonMapper.builder().build().readTree(runDir.resolve("summary.json").toFile());
        assertThat(summary.get("verdict").asString()).isEqualTo("differences");
        JsonNode orders = table(summary, "orders");
        assertThat(orders.get("sourceRows").asLong()).isEqualTo(20000);
        assertThat(orders.get("destinationRows").asLong()).isEqualTo(19999);
        // The index walk gives 5 chunks. Arithmetic cuts (the default) learn the key density from a chunk that spans
        // the gap between the two key ranges, so the last chunk takes the remaining 8,000 rows (within the row
        // estimate's tolerance): 4. With chunk-time the count follows the machine's speed, and only the first chunk's
        // size is certain.
        assertThat(orders.get("chunks").asLong()).isGreaterThanOrEqualTo(options.contains("chunk-time") ? 2
                : options.contains("boundaries: index") ? 5 : 4);
        assertThat(orders.get("missing").asLong()).isEqualTo(3);
        assertThat(orders.get("extra").asLong()).isEqualTo(2);
        assertThat(orders.get("changed").asLong()).isEqualTo(4);
        assertThat(table(summary, "same").get("status").asString()).isEqualTo("consistent");
        assertThat(table(summary, "tokens").get("status").asString()).isEqualTo("differences");
        assertThat(table(summary, "line_items").get("missing").asLong()).isEqualTo(1);
        assertThat(Files.readString(runDir.resolve("report.md"))).contains("DIFFERENCES FOUND: 14 differing rows");
        assertThat(run.out()).contains("DIFFERENCES FOUND: 14 rows differ").contains(runDir.resolve("report.md").toString());
    }

    /**
     * Differences in most chunks: after a few differing chunks each segment lists row hashes straight away instead of
     * checksumming first, reads changed rows by key (about 10% of a chunk) or whole (the stretch where every row
     * changed), and must still report exactly the injected rows, with either hashing place and either reconcile mode.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chunk-rows: 2000", "chunk-rows: 2000\n  hashing: client",
            "chunk-rows: 2000\n  reconcile: buckets", "chunk-rows: 2000\n  hash: md5"})
    void reportsExactlyTheRowsOfDenseDifferences(String options) throws IOException {
        List<String> expected = new java.util.ArrayList<>();
        for (int seq = 1; seq <= 30000; seq++) {
            int id = seq * 2;
            List<String> columns = new java.util.ArrayList<>();
            if (id % 20 == 0) {
                columns.add("\"v\"");
            }
            if (id >= 40000 && id <= 44000) {
                columns.add("\"s\"");
            }
            if (id % 97 == 0) {
                expected.add(diff("dense", "missing", "{\"id\":" + id + "}", "[]"));
            } else if (!columns.isEmpty()) {
                expected.add(diff("dense", "changed", "{\"id\":" + id + "}", "[" + String.join(",", columns) + "]"));
            }
            if (seq % 50 == 0) {
                expected.add(diff("dense", "extra", "{\"id\":" + (id + 1) + "}", "[]"));
            }
        }
        assertThat(differencesOf("dense", options)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Verifies one table of the fixture with {@code options}, expecting differences; the lines of diffs.jsonl. */
    private static List<String> differencesOf(String table, String options) throws IOException {
        Path spec = SpecFiles.write(dir, table, SRC, DST, "tables:\n  - " + table + "\noptions:\n  " + options
                + "\n  parallelism: 2\n");
        Path reports = dir.resolve("reports-" + table + "-" + Integer.toHexString(options.hashCode()));
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        return Files.readAllLines(onlyRunDir(reports.resolve(table)).resolve("diffs.jsonl"));
    }

    /**
     * Differences of a few rows in about a third of the chunks: once a segment has seen some, chunks are checksummed
     * per bucket of key values straight away (one scan that both compares and locates), including chunks over a run
     * of consecutive keys and over keys far apart up to the largest BIGINT. The report must be exactly the injected
     * rows with every hash, with client hashing (whose kept keys and hashes make each differing chunk its own listing)
     * and with {@code reconcile: buckets}.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chunk-rows: 1000", "chunk-rows: 1000\n  hash: crc64", "chunk-rows: 1000\n  hash: md5",
            "chunk-rows: 1000\n  hashing: client", "chunk-rows: 1000\n  reconcile: buckets",
            "chunk-rows: 1000\n  hashing: client\n  boundaries: index"})
    void reportsExactlyTheRowsOfSparseDifferences(String options) throws IOException {
        if (options.contains("hash: crc64")) {
            TestDatabase.assumeServerHash(HashAlgorithm.CRC64);
        }
        List<String> expected = new java.util.ArrayList<>();
        for (int seq = 1; seq <= 30000; seq++) {
            long id = seq * 3L;
            List<String> columns = new java.util.ArrayList<>();
            if (seq % 2500 == 17) {
                columns.add("\"v\"");
            }
            if (seq % 3100 == 5) {
                columns.add("\"s\"");
            }
            if (seq % 2900 == 1000) {
                expected.add(diff("sparse", "missing", "{\"id\":" + id + "}", "[]"));
            } else if (!columns.isEmpty()) {
                expected.add(diff("sparse", "changed", "{\"id\":" + id + "}", "[" + String.join(",", columns) + "]"));
            }
            if (seq % 2700 == 0) {
                expected.add(diff("sparse", "extra", "{\"id\":" + (id + 1) + "}", "[]"));
            }
        }
        for (long id : new long[] {200001, 202500, 205000, Long.MAX_VALUE}) {
            expected.add(diff("sparse", "changed", "{\"id\":" + id + "}", "[\"v\"]"));
        }
        expected.add(diff("sparse", "missing", "{\"id\":203333}", "[]"));
        expected.add(diff("sparse", "missing", "{\"id\":1000000000000000}", "[]"));
        expected.add(diff("sparse", "extra", "{\"id\":205001}", "[]"));
        assertThat(expected).hasSize(51);
        assertThat(differencesOf("sparse", options)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void identicalTablesExitZero() throws IOException {
        Path spec = SpecFiles.write(dir, "same", SRC, DST, "tables:\n  - same\noptions:\n  chunk-rows: 500\n");
        Path reports = dir.resolve("reports-same");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Path runDir = onlyRunDir(reports.resolve("same"));
        assertThat(Files.readAllLines(runDir.resolve("diffs.jsonl"))).isEmpty();
        assertThat(run.out()).contains("CONSISTENT");
    }

    @Test
    void whereFilterAndIgnoredColumnsLimitWhatIsCompared() throws IOException {
        Path spec = SpecFiles.write(dir, "filtered", SRC, DST, "tables:\n  - name: orders\n    where: \"id > 50000\"\n"
                + "    columns:\n      ignore: [note]\noptions:\n  chunk-rows: 700\n");
        Path reports = dir.resolve("reports-filtered");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> diffs = Files.readAllLines(onlyRunDir(reports.resolve("filtered")).resolve("diffs.jsonl"));
        assertThat(diffs).containsExactlyInAnyOrder(
                diff("orders", "missing", "{\"id\":1060000}", "[]"),
                diff("orders", "extra", "{\"id\":500000}", "[]"),
                diff("orders", "extra", "{\"id\":9000000}", "[]"));
    }

    static JsonNode table(JsonNode summary, String name) {
        for (JsonNode t : summary.get("tables")) {
            if (t.get("table").asString().equals(SRC + "." + name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name + " in summary");
    }

    static String diff(String table, String kind, String key, String columns) {
        return "{\"table\":\"" + SRC + "." + table + "\",\"kind\":\"" + kind + "\",\"key\":" + key + ",\"columns\":" + columns + "}";
    }

    static String md5Hex(String s) {
        return org.apache.commons.codec.digest.DigestUtils.md5Hex(s);
    }

    static Path onlyRunDir(Path jobDir) throws IOException {
        try (var runs = Files.list(jobDir)) {
            List<Path> all = runs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
