package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shards across engines: two MariaDB databases (a case-insensitive text key, so their own order is not the merge's)
 * merged into one PostgreSQL destination. Exactly the planted rows, each with its shard; repair to the destination
 * converges but for the duplicate, which it leaves to the operator.
 */
class ShardPostgresIT {

    static final String S1 = "pit_shpg_a";
    static final String S2 = "pit_shpg_b";
    static final String PG = "pit_shpg";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase my = TestDatabase.get();
        TestPostgres pg = TestPostgres.get();
        my.recreate(S1, S2);
        pg.recreate(PG);
        String table = "CREATE TABLE people (name VARCHAR(40) PRIMARY KEY, n INT, note VARCHAR(40))"
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci";
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            String name = (i % 3 == 0 ? "Name-" : "name-") + i;
            String row = "('" + name + "', " + i + ", " + (i % 4 == 0 ? "NULL" : "'é😀 " + i + "'") + ")";
            StringBuilder shard = i <= 150 ? a : b;
            shard.append(shard.length() == 0 ? "" : ", ").append(row);
            all.append(all.length() == 0 ? "" : ", ").append(row);
        }
        my.execute("USE " + S1, "SET NAMES utf8mb4", table, "INSERT INTO people VALUES " + a,
                "UPDATE people SET n = -5 WHERE name = 'name-5'", "INSERT INTO people VALUES ('Zoë', 1, NULL)",
                "INSERT INTO people VALUES ('name-200', 200, 'é😀 200')");
        my.execute("USE " + S2, "SET NAMES utf8mb4", table, "INSERT INTO people VALUES " + b,
                "UPDATE people SET note = 'other' WHERE name = 'Name-201'", "DELETE FROM people WHERE name = 'name-250'");
        pg.execute(PG, "CREATE TABLE people (name varchar(40) PRIMARY KEY, n int, note varchar(40))",
                "INSERT INTO people VALUES " + all);
    }

    private static Path spec() throws Exception {
        TestDatabase my = TestDatabase.get();
        TestPostgres pg = TestPostgres.get();
        String creds = "    user: " + my.user() + "\n    password: \"" + my.password() + "\"\n";
        Path file = dir.resolve("shpg.yml");
        Files.writeString(file, "name: shpg\nsources:\n"
                + "  - name: a\n    url: " + my.url(S1) + "\n" + creds
                + "  - name: b\n    url: " + my.url(S2) + "\n" + creds
                + "destination:\n  url: " + pg.url(PG) + "\n  user: " + pg.user() + "\n  password: \"" + pg.password()
                + "\"\ntables:\n  - name: people\n    target: public.people\noptions: { recheck: { attempts: 0 } }\n");
        return file;
    }

    @Test
    void mariaDbShardsIntoPostgresShowExactlyThePlantedRowsAndRepairConverges() throws Exception {
        Path spec = spec();
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        String t = S1 + ".people";
        assertThat(Files.readAllLines(dir.resolve("r/shpg/1/diffs.jsonl"))).containsExactlyInAnyOrder(
                "{\"table\":\"" + t + "\",\"kind\":\"changed\",\"key\":{\"name\":\"name-5\"},\"columns\":[\"n\"],\"shard\":\"a\"}",
                "{\"table\":\"" + t + "\",\"kind\":\"missing\",\"key\":{\"name\":\"Zoë\"},\"columns\":[],\"shard\":\"a\"}",
                "{\"table\":\"" + t + "\",\"kind\":\"duplicate\",\"key\":{\"name\":\"name-200\"},\"columns\":[],\"shard\":\"a,b\"}",
                "{\"table\":\"" + t + "\",\"kind\":\"changed\",\"key\":{\"name\":\"Name-201\"},\"columns\":[\"note\"],\"shard\":\"b\"}",
                "{\"table\":\"" + t + "\",\"kind\":\"extra\",\"key\":{\"name\":\"name-250\"},\"columns\":[]}");

        CliRun repair = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString(),
                "--apply");
        assertThat(repair.out() + repair.err()).contains("held by shards [a, b]");
        TestPostgres pg = TestPostgres.get();
        assertThat(pg.query(PG, "SELECT n FROM people WHERE name = 'name-5'")).isEqualTo("-5");
        assertThat(pg.query(PG, "SELECT note FROM people WHERE name = 'Name-201'")).isEqualTo("other");
        assertThat(pg.query(PG, "SELECT count(*) FROM people WHERE name IN ('Zoë', 'name-250')")).isEqualTo("1");

        CliRun after = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(after.exitCode()).as(after.out()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("r/shpg/2/diffs.jsonl"))).containsExactly(
                "{\"table\":\"" + t + "\",\"kind\":\"duplicate\",\"key\":{\"name\":\"name-200\"},\"columns\":[],\"shard\":\"a,b\"}");
        assertThat(Files.readString(dir.resolve("r/shpg/2/report.html"))).contains("id=\"shard-summary\"");
        assertThat(Files.readString(dir.resolve("r/shpg/2/report.md"))).contains("### Shards of " + t);
        List<String> header = after.out().lines().limit(4).toList();
        assertThat(String.join("\n", header)).contains("2 shards: a ").contains("; b ");
    }
}
