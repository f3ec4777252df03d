package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text keys whose collation and character set changed in the migration, on real MariaDB: {@code utf8mb3_general_ci}
 * on the source, {@code utf8mb4_uca1400_ai_ci} on the destination (and latin1 to utf8mb4_unicode_ci in a two-column
 * key). The servers order and equate such keys differently ({@code 'ß'} is {@code 's'} under one and {@code 'ss'}
 * under the other; case and accents), so rows are merged in the order of the keys' UTF-8 bytes. Every planted
 * difference is reported exactly, a key whose case changed is a different key, nothing else is reported, in both
 * hashing places and with every hash; source keys that are one key under the destination's collation are reported as
 * a would-be duplicate key naming both. Repair finds rows by their exact characters: applied with the mariadb client
 * or with --apply, in either direction, it converges, and undo restores.
 */
class KeyCollationIT {

    static final String SRC = "pit_keycoll_src";
    static final String DST = "pit_keycoll_dst";

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase.assumeMariaDb("the destination's key collation is MariaDB's utf8mb4_uca1400_ai_ci");
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        String names = SchemaDriftIT.numbers("people", "SELECT CONCAT(IF(i % 3 = 0, 'Name-', 'name-'), i), i FROM n");
        db.execute("USE " + SRC,
                "CREATE TABLE people (name VARCHAR(40) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci PRIMARY KEY,"
                        + " n INT NOT NULL) CHARACTER SET utf8mb3",
                names,
                "INSERT INTO people VALUES ('ss', -1), ('ß', -2), ('Zoë', -3), ('Caesar', -4), ('Cæsar', -5),"
                        + " ('日本', -6)",
                "CREATE TABLE codes (tenant INT NOT NULL, code VARCHAR(10) CHARACTER SET latin1 NOT NULL, v INT,"
                        + " PRIMARY KEY (tenant, code)) CHARACTER SET latin1",
                "INSERT INTO codes VALUES (1, 'a', 1), (1, 'B', 2), (1, 'é', 3), (2, 'a', 4), (2, 'b', 5)");
        db.execute("USE " + DST,
                "CREATE TABLE people (name VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci PRIMARY KEY,"
                        + " n INT NOT NULL) CHARACTER SET utf8mb4",
                "INSERT INTO people SELECT * FROM " + SRC + ".people WHERE name NOT IN ('ß', 'Cæsar')",
                "UPDATE people SET n = 0 WHERE name = 'name-10'",
                "UPDATE people SET name = 'NAME-20' WHERE name = 'name-20'",
                "DELETE FROM people WHERE name = 'Name-30'",
                "INSERT INTO people VALUES ('Émile', 7)",
                "CREATE TABLE codes (tenant BIGINT NOT NULL, code VARCHAR(10) CHARACTER SET utf8mb4"
                        + " COLLATE utf8mb4_unicode_ci NOT NULL, v INT, PRIMARY KEY (tenant, code))",
                "INSERT INTO codes SELECT * FROM " + SRC + ".codes",
                "UPDATE codes SET v = 30 WHERE tenant = 1 AND code = 'é'",
                "UPDATE codes SET code = 'A' WHERE tenant = 2 AND code = 'a'");
    }

    private List<String> diffs(String job, String hashing, String hash) throws IOException {
        Path spec = SpecFiles.write(dir, job, SRC, DST, "tables: [people, codes]\n"
                + "options: { hashing: " + hashing + ", hash: " + hash + ", chunk-rows: 300, recheck: { attempts: 0 } }\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("not compared");
        Path runDir;
        try (Stream<Path> runs = Files.list(dir.resolve("r").resolve(job))) {
            runDir = runs.max(Path::compareTo).orElseThrow();
        }
        return Files.readAllLines(runDir.resolve("diffs.jsonl"));
    }

    @ParameterizedTest
    @CsvSource({"server, crc64", "client, crc64", "server, sha1", "client, md5"})
    void keysAreMergedByTheirBytesAndOnlyThePlantedRowsDiffer(String hashing, String hash) throws IOException {
        assertThat(diffs("coll-" + hashing + "-" + hash, hashing, hash)).containsExactlyInAnyOrder(
                person("changed", "name-10", "[\"n\"]"),
                person("missing", "name-20", "[]"),
                person("extra", "NAME-20", "[]"),
                person("missing", "Name-30", "[]"),
                person("extra", "Émile", "[]"),
                person("missing", "ß", "[]"),
                person("missing", "Cæsar", "[]"),
                code("changed", 1, "é", "[\"v\"]"),
                code("missing", 2, "a", "[]"),
                code("extra", 2, "A", "[]"));
    }

    @Test
    void sourceKeysThatAreOneKeyOnTheDestinationAreAWouldBeDuplicate() throws IOException {
        Path spec = SpecFiles.write(dir, "coll-findings", SRC, DST, "tables: [people]\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        Path summary = dir.resolve("r/coll-findings/1/summary.json");
        String json = Files.readString(summary);
        assertThat(json).contains("would-be-duplicate-key name: source keys 'ss' and 'ß' are one key under the"
                + " destination's name utf8mb4_uca1400_ai_ci");
        assertThat(json).contains("source keys 'Caesar' and 'Cæsar' are one key");
    }

    @Test
    void repairAppliedWithTheClientConvergesAndUndoRestores() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.execute("USE " + SRC, "DROP TABLE IF EXISTS codes_fix", "CREATE TABLE codes_fix LIKE codes",
                "INSERT INTO codes_fix SELECT * FROM codes");
        db.execute("USE " + DST, "DROP TABLE IF EXISTS codes_fix", "CREATE TABLE codes_fix LIKE codes",
                "INSERT INTO codes_fix SELECT * FROM codes", "DROP TABLE IF EXISTS codes_before",
                "CREATE TABLE codes_before LIKE codes", "INSERT INTO codes_before SELECT * FROM codes");
        Path spec = SpecFiles.write(dir, "coll-fix", SRC, DST, "tables: [codes_fix]\n"
                + "options: { recheck: { attempts: 0 } }\n");
        Path reports = dir.resolve("rr");
        assertThat(CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString()).exitCode())
                .isEqualTo(1);
        CliRun repair = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        String file = Files.readString(reports.resolve("coll-fix/1/repair").resolve(DST + ".codes_fix.sql"));
        assertThat(file.indexOf("DELETE FROM")).as("the key whose case changed goes before its replacement comes in")
                .isLessThan(file.indexOf("INSERT INTO")).isNotNegative();

        RepairIT.applyAll(reports.resolve("coll-fix/1/repair"));
        CliRun after = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(after.out()).as("rows equal; the collation change stays a finding").contains("0 rows differ");
        assertThat(db.query("SELECT GROUP_CONCAT(CONCAT(tenant, code, v) ORDER BY tenant, BINARY code) FROM " + DST
                + ".codes_fix")).isEqualTo("1B2,1a1,1é3,2a4,2b5");

        RepairIT.applyAll(reports.resolve("coll-fix/1/undo"));
        assertThat(db.query("SELECT GROUP_CONCAT(CONCAT(tenant, code, v) ORDER BY tenant, BINARY code) FROM " + DST
                + ".codes_fix")).isEqualTo(db.query("SELECT GROUP_CONCAT(CONCAT(tenant, code, v) ORDER BY tenant,"
                + " BINARY code) FROM " + DST + ".codes_before"));
    }

    @Test
    void applyToTheSourceConverges() {
        TestDatabase db = TestDatabase.get();
        db.execute("USE " + SRC, "DROP TABLE IF EXISTS people_fix", "CREATE TABLE people_fix LIKE people",
                "INSERT INTO people_fix SELECT * FROM people WHERE name NOT IN ('ß', 'Cæsar')");
        db.execute("USE " + DST, "DROP TABLE IF EXISTS people_fix", "CREATE TABLE people_fix LIKE people",
                "INSERT INTO people_fix SELECT * FROM people");
        Path spec = SpecFiles.write(dir, "coll-apply", SRC, DST, "tables: [people_fix]\n"
                + "options: { recheck: { attempts: 0 } }\n");
        Path reports = dir.resolve("ra");
        assertThat(CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString()).exitCode())
                .isEqualTo(1);
        CliRun toSource = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir", reports.toString(),
                "--direction", "to-source", "--apply");
        assertThat(toSource.exitCode()).as(toSource.out() + toSource.err()).isZero();
        assertThat(db.query("SELECT COUNT(*) FROM " + SRC + ".people_fix WHERE BINARY name IN ('NAME-20', 'Émile')"))
                .isEqualTo("2");
        CliRun same = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(same.exitCode()).as("the collation change stays a finding").isEqualTo(1);
        assertThat(same.out()).contains("0 rows differ");
    }

    private static String person(String kind, String name, String columns) {
        return "{\"table\":\"" + SRC + ".people\",\"kind\":\"" + kind + "\",\"key\":{\"name\":\"" + name
                + "\"},\"columns\":" + columns + "}";
    }

    private static String code(String kind, int tenant, String code, String columns) {
        return "{\"table\":\"" + SRC + ".codes\",\"kind\":\"" + kind + "\",\"key\":{\"tenant\":" + tenant
                + ",\"code\":\"" + code + "\"},\"columns\":" + columns + "}";
    }
}
