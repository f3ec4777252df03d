package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB against PostgreSQL on the real servers, with the tables a migration tool makes: ENUM and SET to text,
 * TINYINT(1) to boolean, DATETIME(3) to timestamp(3), TIMESTAMP(6) to timestamptz, TIME(2) to time(2), VARBINARY and
 * BLOB to bytea, BINARY(16) to uuid, JSON to jsonb, DECIMAL to numeric, DOUBLE to double precision, FLOAT to real,
 * unsigned integers to the next wider signed type, rows copied the way such a tool copies them (values through JDBC,
 * FLOAT through MySQL's text). Equal rows are never reported, in either hashing place asked for and with every hash;
 * each planted difference is, exactly; text keys are merged in byte order although the two collations differ (a key
 * whose case changed is two keys); the FLOAT mapping is a finding, not a flood; a table without a key is not
 * compared, with the reason; PostgreSQL as the source works the same; repair SQL in PostgreSQL's dialect applied with
 * psql converges and its undo restores; repair in MariaDB's dialect applied with the mariadb client converges.
 */
class CrossEngineIT {

    static final String MY = "pit_x_src";
    static final String PG = "pit_x";

    @TempDir
    Path dir;

    static final String MY_ORDERS = "CREATE TABLE orders (id INT UNSIGNED PRIMARY KEY, status ENUM('new','paid','gone') NOT NULL,"
            + " amount DECIMAL(10,2), ratio DOUBLE, r FLOAT, at DATETIME(3), ts TIMESTAMP(6) NULL, d DATE, t TIME(2),"
            + " b VARBINARY(16), bl BLOB, u BINARY(16), j JSON, flag TINYINT(1), name VARCHAR(40), note TEXT,"
            + " big BIGINT UNSIGNED, si SMALLINT UNSIGNED, tags SET('a','b','c')) CHARACTER SET utf8mb4";
    static final String PG_ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, amount numeric(10,2),"
            + " ratio double precision, r real, at timestamp(3), ts timestamptz(6), d date, t time(2), b bytea, bl bytea,"
            + " u uuid, j jsonb, flag boolean, name varchar(40), note text, big numeric(20), si integer, tags text)";

    @BeforeAll
    static void setUp() throws Exception {
        TestDatabase my = TestDatabase.get();
        TestPostgres pg = TestPostgres.get();
        my.recreate(MY);
        pg.recreate(PG);
        String rows = SchemaDriftIT.numbers("orders", "SELECT i, ELT(1 + i % 3, 'new', 'paid', 'gone'), i * 1.25,"
                + " i / 7e0, i / 3e0, TIMESTAMP('2024-01-01') + INTERVAL (i * 1500000) MICROSECOND,"
                + " TIMESTAMP('2024-01-01 00:00:00') + INTERVAL i MINUTE + INTERVAL i MICROSECOND,"
                + " DATE('2024-01-01') + INTERVAL i DAY, SEC_TO_TIME(36000 + i + 0.25), UNHEX(LPAD(HEX(i), 8, '0')),"
                + " IF(i % 4 = 0, NULL, REPEAT(UNHEX('00FF'), i % 40)), UNHEX(MD5(i)), JSON_OBJECT('i', i, 'f', 1.50,"
                + " 'n', CONCAT('x', i)), i % 2, CONCAT('Name ', i), IF(i % 5 = 0, NULL, REPEAT('é😀''\\\\', i % 30)),"
                + " 18446744073709551615 - i, 65535 - i, ELT(1 + i % 4, '', 'a', 'a,b', 'a,b,c') FROM n");
        my.execute("USE " + MY, "SET NAMES utf8mb4", MY_ORDERS, rows,
                "INSERT INTO orders VALUES (0, 'gone', -99999999.99, -1.7976931348623157e308, -3.40282e38,"
                        + " '1000-01-01 00:00:00.000', '1970-01-01 00:00:01', '1000-01-01', '00:00:00.00', '', '',"
                        + " UNHEX('00000000000000000000000000000000'), '{}', 0, '', '', 0, 0, '')",
                "CREATE TABLE people (name VARCHAR(40) PRIMARY KEY, n INT) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                SchemaDriftIT.numbers("people", "SELECT CONCAT(IF(i % 3 = 0, 'Name-', 'name-'), i), i FROM n"),
                "INSERT INTO people VALUES ('Zoë', 1), ('ß', 2), ('Émile', 3), ('😀 smile', 4), ('z', 5), ('\uFFFD', 6)",
                "CREATE TABLE log (at INT, msg VARCHAR(20))", "INSERT INTO log VALUES (1, 'a'), (1, 'a')");
        pg.execute(PG, PG_ORDERS, "CREATE TABLE people (name varchar(40) PRIMARY KEY, n int)",
                "CREATE TABLE log (at int, msg varchar(20))", "INSERT INTO log VALUES (1, 'a'), (1, 'a')");
        copyOrders();
        copy("SELECT name, n FROM people", "INSERT INTO people VALUES (?, ?)");
        pg.execute(PG, "UPDATE orders SET amount = amount + 0.01 WHERE id = 10",
                "DELETE FROM orders WHERE id = 20",
                "INSERT INTO orders (id, status, name) VALUES (99999, 'new', 'extra')",
                "UPDATE orders SET j = '{\"i\": 30, \"n\": \"y\", \"f\": 1.5}' WHERE id = 30",
                "UPDATE orders SET ts = ts + interval '1 microsecond' WHERE id = 40",
                "UPDATE orders SET flag = NOT flag WHERE id = 50",
                "UPDATE orders SET note = note || ' ' WHERE id = 61",
                "UPDATE orders SET u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' WHERE id = 70",
                "UPDATE orders SET big = big - 1 WHERE id = 80",
                "UPDATE orders SET bl = bl || '\\x00'::bytea WHERE id = 90",
                "UPDATE orders SET t = t + interval '10 millisecond' WHERE id = 0",
                "UPDATE orders SET r = r * 1.0000001 WHERE id = 5", // below MySQL's six digits: the same value there
                "UPDATE people SET n = 0 WHERE name = 'name-10'",
                "UPDATE people SET name = 'NAME-20' WHERE name = 'name-20'",
                "DELETE FROM people WHERE name IN ('Émile', '😀 smile')",
                "INSERT INTO people VALUES ('Z', 7)");
    }

    /** Copies orders as a migration tool does: each value through JDBC, FLOAT through MySQL's text. */
    private static void copyOrders() throws Exception {
        TestDatabase my = TestDatabase.get();
        TestPostgres pg = TestPostgres.get();
        String select = "SELECT id, status, amount, ratio, CAST(r AS CHAR), CAST(at AS CHAR), CAST(ts AS CHAR),"
                + " CAST(d AS CHAR), CAST(t AS CHAR), b, bl, u, CAST(j AS CHAR), flag, name, note, CAST(big AS CHAR), si,"
                + " tags FROM orders";
        String insert = "INSERT INTO orders VALUES (?, ?, ?, ?, CAST(? AS real), CAST(? AS timestamp),"
                + " CAST(? AS timestamptz), CAST(? AS date), CAST(? AS time), ?, ?, ?, CAST(? AS jsonb), ?, ?, ?,"
                + " CAST(? AS numeric), ?, ?)";
        try (Connection m = my.connect(MY); Statement st = m.createStatement(); Connection p = pg.connect(PG);
             PreparedStatement ins = p.prepareStatement(insert)) {
            st.execute("SET time_zone = '+00:00'");
            p.createStatement().execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = st.executeQuery(select)) {
                while (rs.next()) {
                    ins.setLong(1, rs.getLong(1));
                    ins.setString(2, rs.getString(2));
                    ins.setBigDecimal(3, rs.getBigDecimal(3));
                    ins.setObject(4, rs.getObject(4) == null ? null : rs.getDouble(4), java.sql.Types.DOUBLE);
                    for (int i = 5; i <= 9; i++) {
                        ins.setString(i, rs.getString(i));
                    }
                    ins.setBytes(10, rs.getBytes(10));
                    ins.setBytes(11, rs.getBytes(11));
                    byte[] u = rs.getBytes(12);
                    ins.setObject(12, u == null ? null : uuid(u));
                    ins.setString(13, rs.getString(13));
                    ins.setObject(14, rs.getObject(14) == null ? null : rs.getInt(14) != 0, java.sql.Types.BOOLEAN);
                    ins.setString(15, rs.getString(15));
                    ins.setString(16, rs.getString(16));
                    ins.setString(17, rs.getString(17));
                    ins.setObject(18, rs.getObject(18) == null ? null : rs.getInt(18), java.sql.Types.INTEGER);
                    ins.setString(19, rs.getString(19));
                    ins.addBatch();
                }
            }
            ins.executeBatch();
        }
    }

    private static void copy(String select, String insert) throws Exception {
        try (Connection m = TestDatabase.get().connect(MY); Statement st = m.createStatement();
             Connection p = TestPostgres.get().connect(PG); PreparedStatement ins = p.prepareStatement(insert);
             ResultSet rs = st.executeQuery(select)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    ins.setObject(i, rs.getObject(i));
                }
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private static UUID uuid(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong());
    }

    /** A spec with MariaDB on one side and PostgreSQL on the other. */
    private Path spec(String name, boolean mariaDbSource, String rest) throws IOException {
        TestDatabase my = TestDatabase.get();
        TestPostgres pg = TestPostgres.get();
        String mariadb = "  url: " + my.url(MY) + "\n  user: " + my.user() + "\n  password: \"" + my.password() + "\"\n";
        String postgres = "  url: " + pg.url(PG) + "\n  user: " + pg.user() + "\n  password: \"" + pg.password() + "\"\n";
        String yaml = "name: " + name + "\nsource:\n" + (mariaDbSource ? mariadb : postgres) + "destination:\n"
                + (mariaDbSource ? postgres : mariadb) + rest;
        return Files.writeString(dir.resolve(name + ".yml"), yaml);
    }

    private CliRun verify(Path spec) {
        return CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
    }

    private List<String> diffs(String job) throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve("r").resolve(job))) {
            return Files.readAllLines(runs.max(Path::compareTo).orElseThrow().resolve("diffs.jsonl"));
        }
    }

    private static String row(String table, String kind, String key, String columns) {
        return "{\"table\":\"" + table + "\",\"kind\":\"" + kind + "\",\"key\":" + key + ",\"columns\":" + columns + "}";
    }

    static List<String> expected(String orders, String people, String missing, String extra) {
        return List.of(
                row(orders, "changed", "{\"id\":10}", "[\"amount\"]"),
                row(orders, missing, "{\"id\":20}", "[]"),
                row(orders, extra, "{\"id\":99999}", "[]"),
                row(orders, "changed", "{\"id\":30}", "[\"j\"]"),
                row(orders, "changed", "{\"id\":40}", "[\"ts\"]"),
                row(orders, "changed", "{\"id\":50}", "[\"flag\"]"),
                row(orders, "changed", "{\"id\":61}", "[\"note\"]"),
                row(orders, "changed", "{\"id\":70}", "[\"u\"]"),
                row(orders, "changed", "{\"id\":80}", "[\"big\"]"),
                row(orders, "changed", "{\"id\":90}", "[\"bl\"]"),
                row(orders, "changed", "{\"id\":0}", "[\"t\"]"),
                row(people, "changed", "{\"name\":\"name-10\"}", "[\"n\"]"),
                row(people, missing, "{\"name\":\"name-20\"}", "[]"),
                row(people, extra, "{\"name\":\"NAME-20\"}", "[]"),
                row(people, missing, "{\"name\":\"Émile\"}", "[]"),
                row(people, missing, "{\"name\":\"😀 smile\"}", "[]"),
                row(people, extra, "{\"name\":\"Z\"}", "[]"));
    }

    @ParameterizedTest
    @CsvSource({"server, sha1, 500", "client, crc64, 300", "client, md5, 10000"})
    void mariaDbToPostgresReportsExactlyThePlantedRows(String hashing, String hash, int chunkRows) throws IOException {
        String job = "x-" + hashing + "-" + hash;
        CliRun run = verify(spec(job, true, "tables: [orders, people, log]\noptions: { recheck: { attempts: 0 },"
                + " hashing: " + hashing + ", hash: " + hash + ", chunk-rows: " + chunkRows + " }\n"));
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(diffs(job)).containsExactlyInAnyOrderElementsOf(
                expected(MY + ".orders", MY + ".people", "missing", "extra"));
        assertThat(run.out()).contains(MY + ".log").contains("not-compared")
                .contains("orders").contains("(1 schema finding)");
        String summary = Files.readString(dir.resolve("r").resolve(job).resolve("1/summary.json"));
        assertThat(summary).contains("type-different r: float on the source, real on the destination")
                .doesNotContain("collation-different").doesNotContain("type-different status");
    }

    /**
     * MariaDB's listing in the portable encoding adds up to exactly its streamed checksum of the same range, with
     * every hash and a limit that cuts it: what lets a differing chunk be narrowed from both sides' listings.
     */
    @ParameterizedTest
    @CsvSource({"CRC64", "SHA1", "MD5"})
    void portableListingsAddUpToTheStreamedChecksum(String hash) throws Exception {
        try (Connection c = TestDatabase.get().connect(MY)) {
            io.parity.engine.Engine engine = io.parity.engine.Engines.detect(c, "source").portable();
            try (Statement st = c.createStatement()) {
                st.execute(engine.session().readSession(java.time.Duration.ofSeconds(5)).orElseThrow());
            }
            io.parity.schema.TableSchema schema = engine.catalog().describe(c,
                    new io.parity.schema.TableRef(MY, "orders")).orElseThrow();
            io.parity.schema.SideTable table = new io.parity.schema.SideTable(schema.ref(),
                    List.of(schema.column("id").orElseThrow()), schema.columns(), null);
            io.parity.core.KeyRange range = new io.parity.core.KeyRange(io.parity.core.KeyValues.of(5L),
                    io.parity.core.KeyValues.of(1505L));
            io.parity.core.HashAlgorithm h = io.parity.core.HashAlgorithm.valueOf(hash);
            io.parity.core.ChunkChecksum checksum = engine.checksums().streamedChecksum(c, table, range, h);
            io.parity.core.RowHashes listing = engine.checksums().listings().orElseThrow()
                    .rowHashes(c, table, range, h, io.parity.core.Hashing.CLIENT, 0);
            assertThat(checksum.rows()).isEqualTo(1500);
            assertThat(listing.complete()).isTrue();
            assertThat(listing.rows()).hasSize(1500);
            assertThat(listing.rows().get(0).key().key()).isEqualTo(io.parity.core.KeyValues.of(6L));
            assertThat(listing.checksum()).isEqualTo(checksum);
            io.parity.core.RowHashes cut = engine.checksums().listings().orElseThrow()
                    .rowHashes(c, table, range, h, io.parity.core.Hashing.CLIENT, 1000);
            assertThat(cut.complete()).isFalse();
        }
    }

    @Test
    void postgresAsTheSourceWorksTheSame() throws IOException {
        CliRun run = verify(spec("x-reverse", false, "tables: [orders, people]\noptions: { recheck: { attempts: 0 } }\n"));
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(diffs("x-reverse")).containsExactlyInAnyOrderElementsOf(
                expected("public.orders", "public.people", "extra", "missing"));
    }

    @Test
    void repairInEachTargetsDialectConverges() throws Exception {
        TestDatabase my = TestDatabase.get();
        TestPostgres pg = TestPostgres.get();
        my.execute("USE " + MY, "DROP TABLE IF EXISTS fix", "CREATE TABLE fix LIKE orders",
                "INSERT INTO fix SELECT * FROM orders WHERE id < 200");
        pg.execute(PG, "DROP TABLE IF EXISTS fix, fix_before", "CREATE TABLE fix (LIKE orders INCLUDING ALL)",
                "INSERT INTO fix SELECT * FROM orders WHERE id < 200 OR id = 99999",
                "CREATE TABLE fix_before (LIKE orders INCLUDING ALL)", "INSERT INTO fix_before SELECT * FROM fix");
        Path spec = spec("x-fix", true, "tables: [fix]\noptions: { recheck: { attempts: 0 } }\n");
        Path reports = dir.resolve("fr");
        assertThat(CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString()).exitCode())
                .isEqualTo(1);
        CliRun repair = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        Path toPostgres = reports.resolve("x-fix/1/repair/public.fix.sql");
        assertThat(Files.readString(toPostgres)).contains("::jsonb").contains("::uuid")
                .as("only the differing columns are written").doesNotContain("SET \"amount\" = 12.50, \"r\"");
        pg.psql(PG, toPostgres);
        CliRun after = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(after.out()).as(after.out()).contains("0 rows differ");

        pg.psql(PG, reports.resolve("x-fix/1/undo/public.fix.sql"));
        Path same = PostgresIT.specFor(dir, "x-restored", PG, "public", "public",
                "tables: [{name: fix, target: fix_before}]\n");
        CliRun restored = CliRun.run(dir, "verify", "--job", same.toString(), "--report-dir", reports.toString());
        assertThat(restored.exitCode()).as(restored.out()).isZero();

        // the other way: MariaDB made equal to PostgreSQL, with the mariadb client
        pg.execute(PG, "UPDATE fix SET name = 'changed in pg', note = E'new\\nline ''q'' \\\\', j = '{\"z\": [1, 2.50]}'"
                + " WHERE id = 7", "DELETE FROM fix WHERE id = 8");
        CliRun back = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(back.exitCode()).isEqualTo(1);
        CliRun toSource = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir", reports.toString(),
                "--direction", "to-source");
        assertThat(toSource.exitCode()).as(toSource.out() + toSource.err()).isZero();
        Path runDir;
        try (Stream<Path> runs = Files.list(reports.resolve("x-fix"))) {
            runDir = runs.max(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .orElseThrow();
        }
        RepairIT.applyAll(runDir.resolve("repair"));
        CliRun converged = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(converged.out()).as(converged.out()).contains("0 rows differ");
        assertThat(my.query("SELECT name FROM " + MY + ".fix WHERE id = 7")).isEqualTo("changed in pg");
    }
}
