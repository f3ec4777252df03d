package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schemas that migrations change on the way, on real MariaDB, in both hashing places: widened types (DATETIME to
 * DATETIME(3), DECIMAL(10,2) to DECIMAL(12,4), TIME to TIME(2), DATE to DATETIME, SMALLINT to INT, TIMESTAMP to
 * TIMESTAMP(6)) compare equal where the values are equal and report exactly the rows planted to differ; narrowed
 * types report every row whose value the narrowing changed and no other; spatial columns compare by SRID and WKB and
 * their repair, applied with the mariadb client, converges.
 */
class SchemaDriftIT {

    static final String SRC = "pit_drift_src";
    static final String DST = "pit_drift_dst";
    static final int ROWS = 2000;

    @TempDir
    Path dir;

    private static final String DIGITS = "(SELECT 0 x UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
            + " UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
            + " UNION ALL SELECT 9)";

    /** {@code INSERT INTO table <select> FROM n} over rows i = 1..N: digits cross-joined, no engine-specific tables. */
    static String numbers(String table, String select) {
        return "INSERT INTO " + table + " " + select.replace(" FROM n", " FROM (SELECT a.x + 10 * b.x + 100 * c.x + 1000 * d.x + 1 AS i"
                + " FROM " + DIGITS + " a, " + DIGITS + " b, " + DIGITS + " c, " + DIGITS + " d) n WHERE i <= " + ROWS);
    }

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        String widenedRows = "SELECT i, TIMESTAMP('2024-01-01 00:00:00') + INTERVAL i MINUTE, i * 1.25, SEC_TO_TIME(i),"
                + " DATE('2024-01-01') + INTERVAL i DAY, i, TIMESTAMP('2024-02-01 00:00:00') + INTERVAL i SECOND FROM n";
        db.execute("USE " + SRC, "CREATE TABLE widened (id INT PRIMARY KEY, d DATETIME, m DECIMAL(10,2), t TIME, day DATE,"
                        + " s SMALLINT, ts TIMESTAMP NULL)", numbers("widened", widenedRows),
                "CREATE TABLE narrowed (id INT PRIMARY KEY, d DATETIME(6), m DECIMAL(12,4))",
                numbers("narrowed", "SELECT i, TIMESTAMP('2024-01-01 00:00:00') + INTERVAL i SECOND"
                        + " + INTERVAL IF(i % 500 = 0, 123456, 0) MICROSECOND, i + IF(i % 700 = 0, 0.0051, 0) FROM n"),
                "CREATE TABLE shapes (id INT PRIMARY KEY, p POINT NOT NULL, g GEOMETRY NULL)",
                numbers("shapes", "SELECT i, ST_GeomFromText(CONCAT('POINT(', i, ' ', i / 7, ')'), 4326),"
                        + " IF(i % 3 = 0, NULL, ST_GeomFromText(CONCAT('LINESTRING(0 0, ', i, ' 1)'))) FROM n"));
        db.execute("USE " + DST, "CREATE TABLE widened (id BIGINT PRIMARY KEY, d DATETIME(3), m DECIMAL(12,4), t TIME(2),"
                        + " day DATETIME, s INT, ts TIMESTAMP(6) NULL)",
                "INSERT INTO widened SELECT * FROM " + SRC + ".widened",
                "UPDATE widened SET d = d + INTERVAL 1000 MICROSECOND WHERE id = 10",
                "UPDATE widened SET m = m + 0.0001 WHERE id = 20",
                "UPDATE widened SET day = day + INTERVAL 1 SECOND WHERE id = 30",
                "DELETE FROM widened WHERE id = 40",
                "CREATE TABLE narrowed (id INT PRIMARY KEY, d DATETIME, m DECIMAL(10,2))",
                "INSERT INTO narrowed SELECT * FROM " + SRC + ".narrowed",
                "CREATE TABLE shapes (id INT PRIMARY KEY, p POINT NOT NULL, g GEOMETRY NULL)",
                "INSERT INTO shapes SELECT * FROM " + SRC + ".shapes",
                "UPDATE shapes SET p = ST_GeomFromText('POINT(5 6)', 4326) WHERE id = 5",
                "UPDATE shapes SET p = ST_GeomFromText(ST_AsText(p), 3857) WHERE id = 50",
                "UPDATE shapes SET g = ST_GeomFromText('POINT(0 0)') WHERE id = 300",
                "UPDATE shapes SET g = NULL WHERE id = 301",
                "INSERT INTO shapes VALUES (9999, ST_GeomFromText('POINT(1 1)'), NULL)");
    }

    @org.junit.jupiter.api.Test
    void spatialRepairAppliedWithTheClientConvergesAndUndoRestores() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.execute("USE " + SRC, "DROP TABLE IF EXISTS fixed", "CREATE TABLE fixed LIKE shapes",
                "INSERT INTO fixed SELECT * FROM shapes WHERE id <= 200");
        db.execute("USE " + DST, "DROP TABLE IF EXISTS fixed", "CREATE TABLE fixed LIKE shapes",
                "INSERT INTO fixed SELECT * FROM " + SRC + ".fixed",
                "UPDATE fixed SET p = ST_GeomFromText('POINT(-1 -1)', 4326), g = ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 3857)"
                        + " WHERE id = 7",
                "UPDATE fixed SET p = ST_GeomFromText(ST_AsText(p), 0) WHERE id = 8",
                "DELETE FROM fixed WHERE id = 9", "INSERT INTO fixed VALUES (777, ST_GeomFromText('POINT(7 7)', 4326), NULL)",
                "DROP TABLE IF EXISTS fixed_before", "CREATE TABLE fixed_before LIKE fixed",
                "INSERT INTO fixed_before SELECT * FROM fixed");
        Path spec = SpecFiles.write(dir, "fix", SRC, DST, "tables: [fixed]\noptions: { recheck: { attempts: 0 } }\n");
        Path reports = dir.resolve("fix-reports");
        assertThat(CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString()).exitCode())
                .isEqualTo(1);
        CliRun repair = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(repair.exitCode()).as(repair.err()).isZero();

        RepairIT.applyAll(reports.resolve("fix/1/repair"));
        CliRun after = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(after.exitCode()).as(after.out()).isZero();

        RepairIT.applyAll(reports.resolve("fix/1/undo"));
        Path restored = SpecFiles.write(dir, "restored", DST, DST, "tables: [{name: fixed, target: fixed_before}]\n");
        CliRun same = CliRun.run(dir, "verify", "--job", restored.toString(), "--report-dir", reports.toString());
        assertThat(same.exitCode()).as(same.out()).isZero();
    }

    private List<String> diffs(String hashing, String table) throws IOException {
        Path spec = SpecFiles.write(dir, "drift-" + table, SRC, DST, "tables: [" + table + "]\n"
                + "options: { hashing: " + hashing + ", chunk-rows: 500, recheck: { attempts: 0 } }\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        Path runDir = Files.list(dir.resolve("r").resolve("drift-" + table)).max(Path::compareTo).orElseThrow();
        return Files.readAllLines(runDir.resolve("diffs.jsonl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "client"})
    void widenedTypesCompareAsValuesAndReportOnlyThePlantedRows(String hashing) throws IOException {
        assertThat(diffs(hashing, "widened")).containsExactlyInAnyOrder(
                row("widened", "changed", 10, "[\"d\"]"),
                row("widened", "changed", 20, "[\"m\"]"),
                row("widened", "changed", 30, "[\"day\"]"),
                row("widened", "missing", 40, "[]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "client"})
    void narrowedTypesReportEveryRowTheNarrowingChanged(String hashing) throws IOException {
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            boolean d = i % 500 == 0;
            boolean m = i % 700 == 0;
            if (d || m) {
                expected.add(row("narrowed", "changed", i, d && m ? "[\"d\",\"m\"]" : d ? "[\"d\"]" : "[\"m\"]"));
            }
        }
        assertThat(diffs(hashing, "narrowed")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "client"})
    void spatialValuesCompareBySridAndWkb(String hashing) throws IOException {
        assertThat(diffs(hashing, "shapes")).containsExactlyInAnyOrder(
                row("shapes", "changed", 5, "[\"p\"]"),
                row("shapes", "changed", 50, "[\"p\"]"),
                row("shapes", "changed", 300, "[\"g\"]"),
                row("shapes", "changed", 301, "[\"g\"]"),
                row("shapes", "extra", 9999, "[]"));
    }

    private static String row(String table, String kind, int id, String columns) {
        return "{\"table\":\"" + SRC + "." + table + "\",\"kind\":\"" + kind + "\",\"key\":{\"id\":" + id
                + "},\"columns\":" + columns + "}";
    }
}
