package io.parity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharded sources on the real server: two source databases (the even and the odd customers) merged into one
 * destination, with differences planted in each shard, a row in no shard and a row in both. The run reports exactly
 * those rows, each with its shard, and rows read per shard; the reverse layout (one source split into two
 * destinations) reports the same way; bad input is one line, exit 2.
 */
class ShardIT {

    static final String S1 = "pit_shard_s1";
    static final String S2 = "pit_shard_s2";
    static final String DST = "pit_shard_dst";

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(S1, S2, DST);
        String table = "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, city VARCHAR(40))";
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            all.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'name ").append(i).append("', 'city ")
                    .append(i % 9).append("')");
        }
        db.execute("USE " + DST, table, "INSERT INTO customers VALUES " + all);
        db.execute("USE " + S1, table, "INSERT INTO customers SELECT * FROM " + DST + ".customers WHERE id % 2 = 0");
        db.execute("USE " + S2, table, "INSERT INTO customers SELECT * FROM " + DST + ".customers WHERE id % 2 = 1");
        // planted: shard1 holds a changed row and a row the destination lacks; shard2 a changed row; row 77 (odd) is
        // in no shard; row 100 (even) is in both shards
        db.execute("USE " + S1, "UPDATE customers SET city = 'moved' WHERE id = 10",
                "INSERT INTO customers VALUES (1002, 'new', NULL)", "INSERT INTO customers VALUES (101, 'name 101', 'city 2')");
        db.execute("USE " + S2, "UPDATE customers SET name = 'renamed' WHERE id = 33", "DELETE FROM customers WHERE id = 77");
    }

    private Path spec(String name, String shardsKey, String singleKey, String single, String tail) throws Exception {
        TestDatabase db = TestDatabase.get();
        String creds = "    user: " + db.user() + "\n    password: \"" + db.password() + "\"\n";
        String yaml = "name: " + name + "\n" + shardsKey + ":\n"
                + "  - name: even\n    url: " + db.url(S1) + "\n" + creds
                + "  - name: odd\n    url: " + db.url(S2) + "\n" + creds
                + singleKey + ":\n  url: " + db.url(single) + "\n  user: " + db.user() + "\n  password: \""
                + db.password() + "\"\n"
                + "tables: [customers]\noptions: { recheck: { attempts: 0 } }\n" + tail;
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, yaml);
        return file;
    }

    private CliRun verify(Path spec) {
        return CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
    }

    @Test
    void twoSourceShardsMergedIntoOneDestinationShowEveryPlantedRowWithItsShard() throws Exception {
        CliRun run = verify(spec("merged", "sources", "destination", DST, ""));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        List<String> diffs = Files.readAllLines(dir.resolve("r/merged/1/diffs.jsonl"));
        assertThat(diffs).containsExactlyInAnyOrder(
                "{\"table\":\"" + S1 + ".customers\",\"kind\":\"changed\",\"key\":{\"id\":10},\"columns\":[\"city\"],\"shard\":\"even\"}",
                "{\"table\":\"" + S1 + ".customers\",\"kind\":\"missing\",\"key\":{\"id\":1002},\"columns\":[],\"shard\":\"even\"}",
                "{\"table\":\"" + S1 + ".customers\",\"kind\":\"changed\",\"key\":{\"id\":33},\"columns\":[\"name\"],\"shard\":\"odd\"}",
                "{\"table\":\"" + S1 + ".customers\",\"kind\":\"extra\",\"key\":{\"id\":77},\"columns\":[]}",
                "{\"table\":\"" + S1 + ".customers\",\"kind\":\"duplicate\",\"key\":{\"id\":101},\"columns\":[],\"shard\":\"even,odd\"}");
        String summary = Files.readString(dir.resolve("r/merged/1/summary.json"));
        assertThat(summary).contains("\"duplicate\" : 1")
                .containsPattern("\"shard\" : \"even\",\\s*\"rows\" : 202,\\s*\"missing\" : 1,\\s*\"extra\" : 0,"
                        + "\\s*\"changed\" : 1,\\s*\"duplicate\" : 1")
                .containsPattern("\"shard\" : \"odd\",\\s*\"rows\" : 199,\\s*\"missing\" : 0,\\s*\"extra\" : 0,"
                        + "\\s*\"changed\" : 1,\\s*\"duplicate\" : 1")
                .contains("\"sourceRows\" : 401").contains("\"destinationRows\" : 400");
        assertThat(Files.readString(dir.resolve("r/merged/1/audit.json"))).contains("sources[0] (shard even)")
                .contains("sources[1] (shard odd)").contains("jdbc:mysql://127.0.0.1");
        CliRun grants = CliRun.run(null, "privileges", "--job", dir.resolve("merged.yml").toString(), "--host", "127.0.0.1");
        assertThat(grants.out()).as(grants.err()).contains("ON `" + S1 + "`.`customers`").contains("ON `" + S2 + "`.`customers`")
                .contains("ON `" + DST + "`.`customers`");
        assertThat(run.out()).containsPattern("shard even\\s+202\\s+1\\s+0\\s+1\\s+1 also in another shard")
                .contains("1 row(s) held by two shards; 1 row(s) in no shard.")
                .contains("5 rows differ");
    }

    @Test
    void equalShardsAreConsistent() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.execute("USE " + S1, "UPDATE customers SET city = 'city 1' WHERE id = 10", "DELETE FROM customers WHERE id IN (1002, 101)");
        db.execute("USE " + S2, "UPDATE customers SET name = 'name 33' WHERE id = 33",
                "INSERT INTO customers SELECT * FROM " + DST + ".customers WHERE id = 77");
        CliRun run = verify(spec("equal", "sources", "destination", DST, ""));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(Files.readString(dir.resolve("r/equal/1/summary.json"))).contains("\"verdict\" : \"consistent\"");
    }

    @Test
    void oneSourceSplitIntoTwoDestinationsReportsFromTheSourceSide() throws Exception {
        CliRun run = verify(spec("split", "destinations", "source", DST, ""));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        List<String> diffs = Files.readAllLines(dir.resolve("r/split/1/diffs.jsonl"));
        assertThat(diffs).containsExactlyInAnyOrder(
                "{\"table\":\"" + DST + ".customers\",\"kind\":\"changed\",\"key\":{\"id\":10},\"columns\":[\"city\"],\"shard\":\"even\"}",
                "{\"table\":\"" + DST + ".customers\",\"kind\":\"extra\",\"key\":{\"id\":1002},\"columns\":[],\"shard\":\"even\"}",
                "{\"table\":\"" + DST + ".customers\",\"kind\":\"changed\",\"key\":{\"id\":33},\"columns\":[\"name\"],\"shard\":\"odd\"}",
                "{\"table\":\"" + DST + ".customers\",\"kind\":\"missing\",\"key\":{\"id\":77},\"columns\":[]}",
                "{\"table\":\"" + DST + ".customers\",\"kind\":\"duplicate\",\"key\":{\"id\":101},\"columns\":[],\"shard\":\"even,odd\"}");
    }

    @Test
    void shardWhereConditionsDeclaredDisjointButOverlappingAreBadInput() throws Exception {
        TestDatabase db = TestDatabase.get();
        String creds = "    user: " + db.user() + "\n    password: \"" + db.password() + "\"\n";
        Path file = dir.resolve("overlap.yml");
        Files.writeString(file, "name: overlap\nsources:\n"
                + "  - name: even\n    url: " + db.url(S1) + "\n" + creds + "    where: \"id % 2 = 0\"\n"
                + "  - name: low\n    url: " + db.url(S2) + "\n" + creds + "    where: \"id < 50\"\n"
                + "destination:\n  url: " + db.url(DST) + "\n  user: " + db.user() + "\n  password: \"" + db.password()
                + "\"\nshards: { disjoint: true }\ntables: [customers]\n");
        CliRun run = verify(file);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip().lines().filter(l -> l.startsWith("parity:")).toList()).hasSize(1);
        assertThat(run.err()).contains("meet the where of two shards").contains("disjoint");
        assertThat(dir.resolve("r/overlap")).doesNotExist();
    }

    @Test
    void aShardThatDoesNotAnswerIsNamedAndNothingIsWritten() throws Exception {
        TestDatabase db = TestDatabase.get();
        String creds = "    user: " + db.user() + "\n    password: \"" + db.password() + "\"\n";
        Path file = dir.resolve("down.yml");
        Files.writeString(file, "name: down\nsources:\n"
                + "  - name: even\n    url: " + db.url(S1) + "\n" + creds
                + "  - name: far\n    url: jdbc:mysql://127.0.0.1:1/nowhere\n" + creds
                + "destination:\n  url: " + db.url(DST) + "\n  user: " + db.user() + "\n  password: \"" + db.password()
                + "\"\ntables: [customers]\n");
        CliRun run = verify(file);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("far");
        assertThat(dir.resolve("r/down")).doesNotExist();
    }

    private CliRun repair(Path spec, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("repair", "--job", spec.toString(), "--report-dir",
                dir.resolve("r").toString(), "--apply"));
        args.addAll(List.of(more));
        return CliRun.run(dir, args.toArray(String[]::new));
    }

    @Test
    void repairToTheDestinationReadsEachRowFromItsShardAndLeavesTheDuplicateToTheOperator() throws Exception {
        Path spec = spec("fixdst", "sources", "destination", DST, "");
        assertThat(verify(spec).exitCode()).isEqualTo(1);

        CliRun repair = repair(spec);
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isIn(0, 1);
        assertThat(repair.out() + repair.err()).contains("skipped key").contains("held by shards [even, odd]");
        TestDatabase db = TestDatabase.get();
        assertThat(db.query("SELECT city FROM " + DST + ".customers WHERE id = 10")).isEqualTo("moved");
        assertThat(db.query("SELECT name FROM " + DST + ".customers WHERE id = 33")).isEqualTo("renamed");
        assertThat(db.query("SELECT count(*) FROM " + DST + ".customers WHERE id IN (77, 1002)")).isEqualTo("1");

        CliRun after = verify(spec);
        assertThat(after.exitCode()).as(after.out()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("r/fixdst/2/diffs.jsonl"))).containsExactly(
                "{\"table\":\"" + S1 + ".customers\",\"kind\":\"duplicate\",\"key\":{\"id\":101},\"columns\":[],\"shard\":\"even,odd\"}");
    }

    @Test
    void repairToTheSourceWritesEachRowToTheShardThatOwnsItAndConverges() throws Exception {
        TestDatabase db = TestDatabase.get();
        String creds = "    user: " + db.user() + "\n    password: \"" + db.password() + "\"\n";
        Path spec = dir.resolve("fixsrc.yml");
        Files.writeString(spec, "name: fixsrc\nsources:\n"
                + "  - name: even\n    url: " + db.url(S1) + "\n" + creds + "    where: \"id % 2 = 0\"\n"
                + "  - name: odd\n    url: " + db.url(S2) + "\n" + creds + "    where: \"id % 2 = 1\"\n"
                + "destination:\n  url: " + db.url(DST) + "\n  user: " + db.user() + "\n  password: \"" + db.password()
                + "\"\nshards: { disjoint: true }\ntables: [customers]\noptions: { recheck: { attempts: 0 } }\n");
        CliRun before = verify(spec);
        assertThat(before.exitCode()).as(before.out() + before.err()).isEqualTo(1);
        // row 101 sits in the even database but outside its where: not a duplicate under these conditions
        assertThat(before.out()).contains("4 rows differ");

        CliRun repair = repair(spec, "--direction", "to-source");
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        assertThat(db.query("SELECT city FROM " + S1 + ".customers WHERE id = 10")).isEqualTo("city 1");
        assertThat(db.query("SELECT name FROM " + S2 + ".customers WHERE id = 33")).isEqualTo("name 33");
        assertThat(db.query("SELECT count(*) FROM " + S1 + ".customers WHERE id = 1002")).isEqualTo("0");
        assertThat(db.query("SELECT name FROM " + S2 + ".customers WHERE id = 77")).isEqualTo("name 77");
        assertThat(dir.resolve("r/fixsrc/1/repair/odd." + S2 + ".customers.sql")).exists();

        CliRun after = verify(spec);
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
    }

    @Test
    void withoutADuplicateRepairToTheDestinationConverges() throws Exception {
        TestDatabase.get().execute("USE " + S1, "DELETE FROM customers WHERE id = 101");
        Path spec = spec("converge", "sources", "destination", DST, "");
        CliRun before = verify(spec);
        assertThat(before.exitCode()).as(before.out() + before.err()).isEqualTo(1);
        assertThat(before.out()).contains("4 rows differ");

        CliRun repair = repair(spec);
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        CliRun after = verify(spec);
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
    }
}
