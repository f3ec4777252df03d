package io.parity.it;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.RowHashes;
import io.parity.engine.Engine;
import io.parity.engine.Engines;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL against PostgreSQL on the real server, source and destination in two schemas of one database: every value
 * edge case PostgreSQL has (numeric NaN and 38 digits, float NaN, infinities and -0, infinite and BC timestamps,
 * instants with offsets, bytea with zero bytes, text with quotes, backslashes, tabs and emoji, blank-padded char, json
 * with spacing and duplicate keys, jsonb, uuid, boolean, enums, arrays, intervals, inet), in both hashing places and
 * with every hash; each planted difference is reported exactly, equal rows never; text keys under an ICU collation
 * merged in byte order within chunks; keys whose collation differs between the sides; tables without a key; repair
 * applied with psql converges and undo restores; --apply to the source.
 */
class PostgresIT {

    static final String DB = "pit_pg";

    @TempDir
    Path dir;

    static final String TYPES = "CREATE TABLE %s.vals (id int PRIMARY KEY, n numeric, n38 numeric(38,10), i2 smallint,"
            + " i8 bigint, f4 real, f8 double precision, ts timestamp(6), tz timestamptz, d date, t time(3), tt timetz,"
            + " b bytea, s text, c char(5), j json, jb jsonb, u uuid, flag boolean, m %s.mood, arr text[],"
            + " iv interval, ip inet)";

    static final String ROWS = "INSERT INTO %s.vals VALUES"
            + " (1, 'NaN', 1234567890123456789012345678.0123456789, -32768, -9223372036854775808, 'NaN', 'NaN',"
            + "  'infinity', '-infinity', '0044-03-15 BC', '24:00:00', '10:00:00+05:30', '\\x0000', 'it''s a \\ test',"
            + "  'ab', '{\"a\" : 1, \"a\": 2,  \"b\":[1.50, 2]}', '{\"b\": [1.50, 2], \"a\": 2}', '00000000-0000-0000-0000-000000000000',"
            + "  true, 'sad', '{\"x,y\",\"q\\\"uote\",NULL}', '1 year 2 mons 3 days 04:05:06.789', '192.168.0.1/24'),"
            + " (2, 0.10, -0.0000000001, 32767, 9223372036854775807, 'Infinity', '-Infinity', '1970-01-01 00:00:00.000001',"
            + "  '2024-02-29 23:59:59.999999+14', '9999-12-31', '00:00:00', '00:00:00-12', '\\x00ff00', E'tab\\tnew\\nline 😀',"
            + "  'abcde', '[]', '[]', 'ffffffff-ffff-ffff-ffff-ffffffffffff', false, 'happy', '{}', '-1 days', '::1'),"
            + " (3, -1e-20, 0, 0, 0, '-0', '-0', '2024-01-01 10:00:00', '2024-01-01 10:00:00+00', '2024-01-01', '10:00:00.5',"
            + "  '10:00:00+00', '\\x', '', '', 'null', '\"str\"', '12345678-1234-5678-1234-567812345678', null, null, null,"
            + "  '0', '10.0.0.1'),"
            + " (4, 1e20, null, null, null, 3.4028235e38, 1.7976931348623157e308, null, null, null, null, null, null, null,"
            + "  null, null, null, null, null, null, null, null, null),"
            + " (5, 1.5, 1.5, 1, 1, 1.1754944e-38, 4.9e-324, '2000-01-01 00:00:00.5', '2000-01-01 00:00:00.5-01:30',"
            + "  '2000-01-01', '23:59:59.999', '23:59:59.999+01', '\\x61', 'trailing  ', 'a', '{\"k\": \"ü\"}', '{\"k\": \"ü\"}',"
            + "  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', true, 'ok', '{a}', '00:00:00.000001', '2001:db8::1')";

    /** One planted change per column, each on its own row (rows 1..5 hold edge values; changes go to 10..). */
    static final List<String> CHANGES = List.of(
            "UPDATE dst.vals SET n = n + 0.000001 WHERE id = 10",
            "UPDATE dst.vals SET n38 = n38 + 0.0000000001 WHERE id = 11",
            "UPDATE dst.vals SET f8 = f8 * (1 + 2.3e-16) WHERE id = 12",
            "UPDATE dst.vals SET f4 = f4 + 0.001 WHERE id = 13",
            "UPDATE dst.vals SET ts = ts + interval '1 microsecond' WHERE id = 14",
            "UPDATE dst.vals SET tz = tz + interval '1 microsecond' WHERE id = 15",
            "UPDATE dst.vals SET b = b || '\\x00'::bytea WHERE id = 16",
            "UPDATE dst.vals SET s = s || ' ' WHERE id = 17",
            "UPDATE dst.vals SET jb = jb || '{\"z\": 1}' WHERE id = 18",
            "UPDATE dst.vals SET u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12' WHERE id = 19",
            "UPDATE dst.vals SET flag = NOT flag WHERE id = 20",
            "UPDATE dst.vals SET m = 'happy' WHERE id = 21",
            "UPDATE dst.vals SET arr = '{a,b}' WHERE id = 22",
            "UPDATE dst.vals SET c = 'X' WHERE id = 23",
            "UPDATE dst.vals SET j = '{\"k\": 2}' WHERE id = 24",
            "DELETE FROM dst.vals WHERE id = 25",
            "INSERT INTO dst.vals (id) VALUES (100000)");

    @BeforeAll
    static void setUp() {
        TestPostgres pg = TestPostgres.get();
        pg.recreate(DB);
        String filler = "INSERT INTO %s.vals SELECT i, i * 1.25, i, i %% 100, i * 1000, i / 7.0, i / 3.0,"
                + " timestamp '2024-01-01' + i * interval '1.5 second', timestamptz '2024-01-01 00:00+02' + i * interval '1 minute',"
                + " date '2024-01-01' + i, time '10:00' + i * interval '1 second', timetz '10:00+00', decode(lpad(to_hex(i), 8, '0'), 'hex'),"
                + " 'row ' || i, 'c' || (i %% 10), json_build_object('i', i), jsonb_build_object('i', i, 'n', 'x' || i),"
                + " md5(i::text)::uuid, i %% 2 = 0, (ARRAY['sad','ok','happy'])[1 + i %% 3]::%s.mood, ARRAY['t' || i],"
                + " i * interval '1 minute', ('10.0.' || (i %% 250) || '.1')::inet FROM generate_series(10, 3000) i";
        for (String schema : List.of("src", "dst")) {
            pg.execute(DB, "CREATE SCHEMA " + schema, "CREATE TYPE " + schema + ".mood AS ENUM ('sad', 'ok', 'happy')",
                    TYPES.formatted(schema, schema), ROWS.formatted(schema), filler.formatted(schema, schema));
        }
        pg.execute(DB, CHANGES.toArray(String[]::new));
        // text keys under an ICU collation (not byte order), the same on both sides; and a changed key collation
        for (String schema : List.of("src", "dst")) {
            pg.execute(DB, "CREATE TABLE " + schema + ".words (w text COLLATE \"en-x-icu\" PRIMARY KEY, n int)",
                    "INSERT INTO " + schema + ".words SELECT CASE i % 4 WHEN 0 THEN 'Word' WHEN 1 THEN 'word' WHEN 2 THEN"
                            + " 'wörd' ELSE 'WORD' END || i, i FROM generate_series(1, 2000) i",
                    "INSERT INTO " + schema + ".words VALUES ('a', 1), ('A', 2), ('b', 3), ('B', 4), ('é', 5), ('e', 6),"
                            + " ('😀', 7), ('\uFFFD', 8)",
                    "CREATE TABLE " + schema + ".bag (a int, b text)",
                    "INSERT INTO " + schema + ".bag SELECT i % 5, 'x' FROM generate_series(1, 50) i");
        }
        // differences spread over chunks larger than the reconciler reads whole (see spreadDifferences...)
        for (String schema : List.of("src", "dst")) {
            pg.execute(DB, "CREATE TABLE " + schema + ".spread (id int PRIMARY KEY, v text, t timestamp)",
                    "INSERT INTO " + schema + ".spread SELECT 2 * i, 'v' || i, timestamp '2024-01-01' + i * interval"
                            + " '1.25 second' FROM generate_series(1, " + SPREAD_ROWS + ") i");
        }
        pg.execute(DB, "UPDATE dst.spread SET v = v || 'x' WHERE id % " + SPREAD_CHANGED + " = 0",
                "DELETE FROM dst.spread WHERE id % " + SPREAD_MISSING + " = 700",
                "INSERT INTO dst.spread SELECT i, 'extra', timestamp '2024-01-01' FROM unnest(ARRAY"
                        + SPREAD_EXTRA + ") i");
        pg.execute(DB, "CREATE TABLE src.recoll (k text COLLATE \"C\" PRIMARY KEY, v int)",
                "CREATE TABLE dst.recoll (k text COLLATE \"und-x-icu\" PRIMARY KEY, v int)",
                "INSERT INTO src.recoll VALUES ('a', 1), ('B', 2), ('c', 3), ('Ä', 4)",
                "INSERT INTO dst.recoll VALUES ('a', 1), ('b', 2), ('c', 30), ('Ä', 4)",
                "UPDATE dst.words SET n = 0 WHERE w = 'word1'",
                "UPDATE dst.words SET w = 'WORD5' WHERE w = 'word5'",
                "DELETE FROM dst.words WHERE w IN ('é', '😀')",
                "INSERT INTO dst.words VALUES ('E', 9)",
                "DELETE FROM dst.bag WHERE ctid IN (SELECT ctid FROM dst.bag WHERE a = 1 LIMIT 2)",
                "INSERT INTO dst.bag VALUES (7, 'y')");
    }

    static final int SPREAD_ROWS = 12_000;
    static final int SPREAD_CHANGED = 998;
    static final int SPREAD_MISSING = 1500;
    static final List<Integer> SPREAD_EXTRA = List.of(1001, 5001, 9001, 13001, 17001, 21001);

    static Path spec(Path dir, String name, String srcSchema, String dstSchema, String rest) {
        return specFor(dir, name, DB, srcSchema, dstSchema, rest);
    }

    /** A spec comparing two schemas of one PostgreSQL database. */
    static Path specFor(Path dir, String name, String db, String srcSchema, String dstSchema, String rest) {
        TestPostgres pg = TestPostgres.get();
        String yaml = "name: " + name + "\n"
                + "source:\n  url: " + pg.url(db) + "?currentSchema=" + srcSchema + "\n  user: " + pg.user()
                + "\n  password: \"" + pg.password() + "\"\n"
                + "destination:\n  url: " + pg.url(db) + "?currentSchema=" + dstSchema + "\n  user: " + pg.user()
                + "\n  password: \"" + pg.password() + "\"\n" + rest;
        try {
            return Files.writeString(dir.resolve(name + ".yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> diffs(String job, String tables, String options, int exit) throws IOException {
        Path spec = spec(dir, job, "src", "dst", "tables: [" + tables + "]\noptions: { recheck: { attempts: 0 }, "
                + options + " }\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exit);
        Path runDir;
        try (Stream<Path> runs = Files.list(dir.resolve("r").resolve(job))) {
            runDir = runs.max(Path::compareTo).orElseThrow();
        }
        return Files.readAllLines(runDir.resolve("diffs.jsonl"));
    }

    private static String row(String table, String kind, String key, String columns) {
        return "{\"table\":\"src." + table + "\",\"kind\":\"" + kind + "\",\"key\":" + key + ",\"columns\":" + columns
                + "}";
    }

    @ParameterizedTest
    @CsvSource({"server, md5, 500", "client, crc64, 500", "client, sha1, 10000", "client, md5, 300"})
    void everyValueEdgeCaseIsExactAndOnlyPlantedRowsDiffer(String hashing, String hash, int chunkRows)
            throws IOException {
        List<String> expected = new ArrayList<>(List.of(
                row("vals", "changed", "{\"id\":10}", "[\"n\"]"),
                row("vals", "changed", "{\"id\":11}", "[\"n38\"]"),
                row("vals", "changed", "{\"id\":12}", "[\"f8\"]"),
                row("vals", "changed", "{\"id\":13}", "[\"f4\"]"),
                row("vals", "changed", "{\"id\":14}", "[\"ts\"]"),
                row("vals", "changed", "{\"id\":15}", "[\"tz\"]"),
                row("vals", "changed", "{\"id\":16}", "[\"b\"]"),
                row("vals", "changed", "{\"id\":17}", "[\"s\"]"),
                row("vals", "changed", "{\"id\":18}", "[\"jb\"]"),
                row("vals", "changed", "{\"id\":19}", "[\"u\"]"),
                row("vals", "changed", "{\"id\":20}", "[\"flag\"]"),
                row("vals", "changed", "{\"id\":21}", "[\"m\"]"),
                row("vals", "changed", "{\"id\":22}", "[\"arr\"]"),
                row("vals", "changed", "{\"id\":23}", "[\"c\"]"),
                row("vals", "changed", "{\"id\":24}", "[\"j\"]"),
                row("vals", "missing", "{\"id\":25}", "[]"),
                row("vals", "extra", "{\"id\":100000}", "[]")));
        assertThat(diffs("pg-" + hashing + "-" + hash, "vals", "hashing: " + hashing + ", hash: " + hash
                + ", chunk-rows: " + chunkRows, 1)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({"server, md5", "client, crc64"})
    void textKeysUnderAnIcuCollationMergeExactly(String hashing, String hash) throws IOException {
        assertThat(diffs("words-" + hashing, "words", "hashing: " + hashing + ", hash: " + hash + ", chunk-rows: 97", 1))
                .containsExactlyInAnyOrder(
                        row("words", "changed", "{\"w\":\"word1\"}", "[\"n\"]"),
                        row("words", "missing", "{\"w\":\"word5\"}", "[]"),
                        row("words", "extra", "{\"w\":\"WORD5\"}", "[]"),
                        row("words", "missing", "{\"w\":\"é\"}", "[]"),
                        row("words", "missing", "{\"w\":\"😀\"}", "[]"),
                        row("words", "extra", "{\"w\":\"E\"}", "[]"));
    }

    @Test
    void aKeyWhoseCollationChangedIsMergedByItsBytes() throws IOException {
        assertThat(diffs("recoll", "recoll", "chunk-rows: 2", 1)).containsExactlyInAnyOrder(
                row("recoll", "missing", "{\"k\":\"B\"}", "[]"),
                row("recoll", "extra", "{\"k\":\"b\"}", "[]"),
                row("recoll", "changed", "{\"k\":\"c\"}", "[\"v\"]"));
    }

    @Test
    void tablesWithoutAKeyAreMultisets() throws IOException {
        List<String> diffs = diffs("bag", "bag", "hashing: server", 1);
        assertThat(diffs).hasSize(3);
        assertThat(diffs).filteredOn(d -> d.contains("\"missing\"")).hasSize(2);
        assertThat(diffs).filteredOn(d -> d.contains("\"extra\"")).hasSize(1);
    }

    @Test
    void repairAppliedWithPsqlConvergesAndUndoRestores() throws Exception {
        TestPostgres pg = TestPostgres.get();
        pg.execute(DB, "DROP TABLE IF EXISTS dst.fix, src.fix, dst.fix_before",
                "CREATE TABLE src.fix AS TABLE src.vals", "ALTER TABLE src.fix ADD PRIMARY KEY (id)",
                "CREATE TABLE dst.fix AS TABLE dst.vals", "ALTER TABLE dst.fix ADD PRIMARY KEY (id)",
                "CREATE TABLE dst.fix_before AS TABLE dst.fix", "ALTER TABLE dst.fix_before ADD PRIMARY KEY (id)");
        Path spec = spec(dir, "fix", "src", "dst", "tables: [fix]\noptions: { recheck: { attempts: 0 } }\n");
        Path reports = dir.resolve("fr");
        assertThat(CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString()).exitCode())
                .isEqualTo(1);
        CliRun repair = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        Path run = reports.resolve("fix/1");
        pg.psql(DB, run.resolve("repair/dst.fix.sql"));
        CliRun after = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(after.exitCode()).as(after.out()).isZero();

        pg.psql(DB, run.resolve("undo/dst.fix.sql"));
        Path restored = spec(dir, "restored", "dst", "dst", "tables: [{name: fix, target: fix_before}]\n");
        CliRun same = CliRun.run(dir, "verify", "--job", restored.toString(), "--report-dir", reports.toString());
        assertThat(same.exitCode()).as(same.out()).isZero();
    }

    @Test
    void applyToTheSourceConvergesForKeyedAndKeylessTables() {
        TestPostgres pg = TestPostgres.get();
        pg.execute(DB, "DROP TABLE IF EXISTS src.fix2, dst.fix2, src.bag2, dst.bag2",
                "CREATE TABLE src.fix2 AS TABLE src.vals", "ALTER TABLE src.fix2 ADD PRIMARY KEY (id)",
                "CREATE TABLE dst.fix2 AS TABLE dst.vals", "ALTER TABLE dst.fix2 ADD PRIMARY KEY (id)",
                "CREATE TABLE src.bag2 AS TABLE src.bag", "CREATE TABLE dst.bag2 AS TABLE dst.bag");
        Path spec = spec(dir, "apply", "src", "dst", "tables: [fix2, bag2]\noptions: { recheck: { attempts: 0 } }\n");
        Path reports = dir.resolve("ar");
        assertThat(CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString()).exitCode())
                .isEqualTo(1);
        CliRun repair = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir", reports.toString(),
                "--direction", "to-source", "--apply", "--allow-no-key");
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        CliRun after = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(after.exitCode()).as(after.out()).isZero();
        assertThat(pg.query(DB, "SELECT count(*) FROM src.bag2 WHERE a = 7")).isEqualTo("1");
    }

    /** PostgreSQL has no per-session replication switch: --no-binlog is refused before anything is written. */
    @Test
    void noBinlogIsRefusedOnPostgres() {
        TestPostgres pg = TestPostgres.get();
        pg.execute(DB, "DROP TABLE IF EXISTS src.nb, dst.nb", "CREATE TABLE src.nb (id int PRIMARY KEY, v int)",
                "CREATE TABLE dst.nb (id int PRIMARY KEY, v int)", "INSERT INTO src.nb VALUES (1, 1), (2, 2)",
                "INSERT INTO dst.nb VALUES (1, 1)");
        Path spec = spec(dir, "nobinlog", "src", "dst", "tables: [nb]\noptions: { recheck: { attempts: 0 } }\n");
        Path reports = dir.resolve("nb");
        assertThat(CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString()).exitCode())
                .isEqualTo(1);
        CliRun repair = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir", reports.toString(),
                "--apply", "--no-binlog");
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isEqualTo(2);
        assertThat(repair.err()).contains("--no-binlog").contains("postgresql").contains("nothing was written");
        assertThat(pg.query(DB, "SELECT count(*) FROM dst.nb")).isEqualTo("1");
        assertThat(reports.resolve("nobinlog/1/repair")).doesNotExist();
    }

    /**
     * Differences a few per chunk, in chunks of 1,500 rows, above the 1,000 rows the reconciler reads whole: PostgreSQL
     * has no split-key bucket checksums, so with {@code row-hashes} the first differing chunk is reconciled from both
     * sides' row hash listings and, differences now expected, every later chunk is checksummed per even bucket of its
     * key span (server hashing; its differing buckets then read together) or listed straight away (client hashing)
     * instead of checksummed first; with {@code buckets} each differing chunk is read whole. All name exactly the
     * planted rows.
     */
    @ParameterizedTest
    @CsvSource({"server, md5, row-hashes", "server, md5, buckets", "client, crc64, row-hashes"})
    void spreadDifferencesInLargeChunksAreExactListedOrReadWhole(String hashing, String hash, String reconcile)
            throws IOException {
        List<String> expected = new ArrayList<>();
        for (int id = 2; id <= 2 * SPREAD_ROWS; id += 2) {
            if (id % SPREAD_MISSING == 700) {
                expected.add(row("spread", "missing", "{\"id\":" + id + "}", "[]"));
            } else if (id % SPREAD_CHANGED == 0) {
                expected.add(row("spread", "changed", "{\"id\":" + id + "}", "[\"v\"]"));
            }
        }
        SPREAD_EXTRA.forEach(id -> expected.add(row("spread", "extra", "{\"id\":" + id + "}", "[]")));
        assertThat(expected).hasSizeGreaterThan(30);
        assertThat(diffs("spread-" + hashing + "-" + reconcile, "spread", "hashing: " + hashing + ", hash: " + hash
                + ", chunk-rows: 1500, reconcile: " + reconcile, 1)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A listing's row hashes add up to exactly the chunk checksum of the same range, in both hashing places. */
    @ParameterizedTest
    @CsvSource({"SERVER, MD5", "CLIENT, CRC64", "CLIENT, SHA1"})
    void listingsAddUpToTheChunkChecksum(String hashing, String hash) throws Exception {
        try (Connection c = TestPostgres.get().connect(DB)) {
            Engine engine = Engines.detect(c, "source");
            try (Statement st = c.createStatement()) {
                st.execute(engine.session().readSession(Duration.ofSeconds(5)).orElseThrow());
            }
            TableSchema schema = engine.catalog().describe(c, new TableRef("src",
                    "vals")).orElseThrow();
            SideTable table = new SideTable(schema.ref(),
                    List.of(schema.column("id").orElseThrow()), schema.columns(), null);
            KeyRange range = new KeyRange(KeyValues.of(0L),
                    KeyValues.of(1000L));
            HashAlgorithm h = HashAlgorithm.valueOf(hash);
            Hashing where = Hashing.valueOf(hashing);
            ChunkChecksum checksum = where == Hashing.SERVER
                    ? engine.checksums().server().orElseThrow().checksum(c, table, range, h)
                    : engine.checksums().streamedChecksum(c, table, range, h);
            c.setAutoCommit(true);
            RowHashes listing = engine.checksums().listings().orElseThrow()
                    .rowHashes(c, table, range, h, where, 0);
            assertThat(checksum.rows()).isEqualTo(996);
            assertThat(listing.checksum()).isEqualTo(checksum);
        }
    }
}
