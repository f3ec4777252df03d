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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables without a primary or unique key, on real MariaDB, compared as multisets of rows: each distinct row counted on
 * both sides, differences reported as rows missing or extra with their multiplicity (one report per copy, keyed by
 * the row's hash), next to a keyed table in the same run; repair deletes or inserts exactly that many copies
 * ({@code DELETE ... LIMIT n}, guarded by the whole row), converges when applied with the mariadb client or --apply,
 * and undo restores.
 */
class KeylessIT {

    static final String SRC = "pit_keyless_src";
    static final String DST = "pit_keyless_dst";
    static final String BEFORE = "pit_keyless_before";
    static final Pattern ROW = Pattern.compile("\"kind\":\"(\\w+)\",\"key\":\\{\"row-sha1\":\"([0-9a-f]{40})\"}");

    @TempDir
    Path dir;

    @BeforeEach
    void build() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST, BEFORE);
        String events = "CREATE TABLE events (a INT NULL, b VARCHAR(10) NULL, at DATETIME(3) NULL)";
        String keyed = "CREATE TABLE keyed (id INT PRIMARY KEY, v INT)";
        db.execute("USE " + SRC, events, keyed,
                "INSERT INTO events VALUES (1, 'x', '2024-01-01 00:00:00.001'), (1, 'x', '2024-01-01 00:00:00.001'),"
                        + " (1, 'x', '2024-01-01 00:00:00.001'), (2, 'y', NULL), (3, NULL, NULL), (3, NULL, NULL),"
                        + " (NULL, '', NULL)",
                "INSERT INTO events SELECT a.i * 10 + b.i, 'bulk', NULL FROM (SELECT 0 i UNION ALL SELECT 1 UNION ALL"
                        + " SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) a, (SELECT 0 i UNION ALL SELECT 1 UNION ALL"
                        + " SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) b",
                "INSERT INTO keyed VALUES (1, 1), (2, 2)");
        db.execute("USE " + DST, events, keyed, "INSERT INTO events SELECT * FROM " + SRC + ".events",
                "DELETE FROM events WHERE a = 1 LIMIT 2",
                "INSERT INTO events VALUES (2, 'y', NULL), (4, 'w', NULL), (NULL, NULL, NULL)",
                "INSERT INTO keyed VALUES (1, 1), (2, 3)");
        db.execute("USE " + BEFORE, events, "INSERT INTO events SELECT * FROM " + DST + ".events");
    }

    private Path spec(String hashing) {
        return SpecFiles.write(dir, "keyless-" + hashing, SRC, DST, "tables: [events, keyed]\noptions: { hashing: "
                + hashing + " }\n");
    }

    private CliRun parity(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--report-dir", dir.resolve("reports").toString()));
        return CliRun.run(dir, all.toArray(String[]::new));
    }

    /** kind -> copies reported, per distinct row. */
    private Map<String, Integer> multiplicities(String job) throws IOException {
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("reports").resolve(job))) {
            run = runs.max(Path::compareTo).orElseThrow();
        }
        Map<String, Integer> copies = new TreeMap<>();
        for (String line : Files.readAllLines(run.resolve("diffs.jsonl"))) {
            if (line.contains(".events\"")) {
                Matcher m = ROW.matcher(line);
                assertThat(m.find()).as(line).isTrue();
                copies.merge(m.group(1) + " " + m.group(2), 1, Integer::sum);
            }
        }
        return copies;
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "client"})
    void rowsAreCountedAndEveryDifferingCopyIsReported(String hashing) throws IOException {
        CliRun run = parity("verify", "--job", spec(hashing).toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        Map<String, Integer> copies = multiplicities("keyless-" + hashing);
        assertThat(copies.values()).containsExactlyInAnyOrder(2, 1, 1, 1);
        assertThat(copies.entrySet()).filteredOn(e -> e.getKey().startsWith("missing")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).as("two of the three copies of (1, x)").isEqualTo(2));
        assertThat(copies.keySet()).filteredOn(k -> k.startsWith("extra")).hasSize(3);
        assertThat(run.out()).contains("keyed").contains("CHANGED");
        tools.jackson.databind.JsonNode events = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Files.list(dir.resolve("reports/keyless-" + hashing)).findFirst().orElseThrow()
                        .resolve("summary.json").toFile()).get("tables").get(0);
        assertThat(events.get("table").asString()).isEqualTo(SRC + ".events");
        assertThat(events.get("sourceRows").asLong()).isEqualTo(32);
        assertThat(events.get("destinationRows").asLong()).isEqualTo(33);
        assertThat(events.get("missing").asLong()).isEqualTo(2);
        assertThat(events.get("extra").asLong()).isEqualTo(3);
    }

    @Test
    void repairDeletesAndInsertsExactlyThatManyCopiesAndUndoRestores() throws Exception {
        Path spec = spec("server");
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);
        CliRun repair = parity("repair", "--job", spec.toString());
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        Path run = dir.resolve("reports/keyless-server/1");
        String file = Files.readString(run.resolve("repair").resolve(DST + ".events.sql"));
        assertThat(file).contains("INSERT INTO `" + DST + "`.`events`").containsPattern("DELETE FROM `" + DST
                + "`.`events` WHERE `a` = 2 AND .* LIMIT 1;").contains(" LIMIT 1;");
        assertThat(Files.readString(run.resolve("undo").resolve(DST + ".events.sql")))
                .as("undo puts back the two copies the repair inserted").contains(" LIMIT 2;");

        RepairIT.applyAll(run.resolve("repair"));
        CliRun after = parity("verify", "--job", spec.toString());
        assertThat(after.exitCode()).as(after.out()).isZero();

        RepairIT.applyAll(run.resolve("undo"));
        Path restored = SpecFiles.write(dir, "restored", BEFORE, DST, "tables: [events]\n");
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
