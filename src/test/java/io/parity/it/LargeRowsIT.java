package io.parity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of several megabytes on real MariaDB under its default 16 MB max_allowed_packet: a row of two 9 MB values is
 * checked in both hashing places (its server-side encoding would exceed the packet limit, so large values enter it as
 * digests), and every repair and undo statement, whether for an 8 MB LONGBLOB, a 9 MB LONGTEXT of multi-byte
 * characters or an 18 MB row, stays within the server's limit: the files apply with the mariadb client and converge,
 * undo restores, and --apply converges.
 */
class LargeRowsIT {

    static final String SRC = "pit_large_src";
    static final String DST = "pit_large_dst";
    static final String BEFORE = "pit_large_before";
    static final long PACKET = 16L << 20;

    @TempDir
    Path dir;

    @BeforeEach
    void build() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST, BEFORE);
        String ddl = "CREATE TABLE big (id INT PRIMARY KEY, a LONGBLOB NULL, t LONGTEXT CHARACTER SET utf8mb4 NULL, v INT)";
        db.execute("USE " + SRC, ddl,
                "INSERT INTO big VALUES (1, REPEAT(X'00FF10', 3000000), REPEAT('żółw ', 1100000), 1)",
                "INSERT INTO big VALUES (2, X'01', 'small', 2)",
                "INSERT INTO big VALUES (3, REPEAT(X'ABCD', 4200000), NULL, 3)",
                "INSERT INTO big VALUES (4, REPEAT(X'42', 9000000), 'x', 4)");
        db.execute("USE " + DST, ddl, "INSERT INTO big SELECT * FROM " + SRC + ".big WHERE id <> 4",
                "UPDATE big SET t = CONCAT(LEFT(t, CHAR_LENGTH(t) - 1), 'ż') WHERE id = 1",
                "UPDATE big SET a = CONCAT(LEFT(a, 4000000), X'EE', SUBSTRING(a, 4000002)) WHERE id = 3",
                "INSERT INTO big VALUES (5, REPEAT(X'55', 8500000), REPEAT('ę', 3000000), 5)");
        db.execute("USE " + BEFORE, ddl, "INSERT INTO big SELECT * FROM " + DST + ".big");
        assertThat(db.queryLong("SELECT @@global.max_allowed_packet")).isEqualTo(PACKET);
    }

    private Path spec(String hashing) {
        return SpecFiles.write(dir, "large-" + hashing, SRC, DST, "tables: [big]\noptions: { hashing: " + hashing
                + ", recheck: { attempts: 0 } }\n");
    }

    private CliRun parity(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--report-dir", dir.resolve("reports").toString()));
        return CliRun.run(dir, all.toArray(String[]::new));
    }

    private List<String> diffs(String job) throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve("reports").resolve(job))) {
            return Files.readAllLines(runs.max(Path::compareTo).orElseThrow().resolve("diffs.jsonl"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "client"})
    void everyDifferenceInMultiMegabyteRowsIsFound(String hashing) throws IOException {
        assertThat(parity("verify", "--job", spec(hashing).toString()).exitCode()).isEqualTo(1);
        String table = "{\"table\":\"" + SRC + ".big\",";
        assertThat(diffs("large-" + hashing)).containsExactlyInAnyOrder(
                table + "\"kind\":\"changed\",\"key\":{\"id\":1},\"columns\":[\"t\"]}",
                table + "\"kind\":\"changed\",\"key\":{\"id\":3},\"columns\":[\"a\"]}",
                table + "\"kind\":\"missing\",\"key\":{\"id\":4},\"columns\":[]}",
                table + "\"kind\":\"extra\",\"key\":{\"id\":5},\"columns\":[]}");
    }

    @Test
    void repairAndUndoStatementsFitTheServersPacketAndConverge() throws Exception {
        Path spec = spec("server");
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);
        CliRun repair = parity("repair", "--job", spec.toString());
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        Path run = dir.resolve("reports/large-server/1");
        for (String kind : List.of("repair", "undo")) {
            for (String line : Files.readAllLines(run.resolve(kind).resolve(DST + ".big.sql"))) {
                assertThat((long) line.length()).as(kind + " statement length").isLessThan(PACKET);
            }
        }

        RepairIT.applyAll(run.resolve("repair"));
        CliRun after = parity("verify", "--job", spec.toString());
        assertThat(after.exitCode()).as(after.out()).isZero();

        RepairIT.applyAll(run.resolve("undo"));
        Path restored = SpecFiles.write(dir, "restored", BEFORE, DST, "tables: [big]\n");
        CliRun same = parity("verify", "--job", restored.toString());
        assertThat(same.exitCode()).as(same.out()).isZero();
    }

    @Test
    void applyConverges() {
        Path spec = spec("client");
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);
        CliRun repair = parity("repair", "--job", spec.toString(), "--apply");
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isZero();
    }
}
