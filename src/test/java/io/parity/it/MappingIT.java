package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Columns renamed on the way ({@code columns.map}), a filter on one side only ({@code where: { source: … }}) and glob
 * targets ({@code include: "src.*"} with {@code target: "dst.*_v2"}), on the real server: exactly the planted
 * differences, named by the source's columns; repair writes the destination's own column names and converges; a
 * mapped column that does not exist is bad input.
 */
class MappingIT {

    static final String SRC = "pit_map_src";
    static final String DST = "pit_map_dst";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            rows.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'name ").append(i).append("', 'city ")
                    .append(i % 7).append("', '").append(i % 3 == 0 ? "us" : "eu").append("')");
        }
        db.execute("USE " + SRC, "CREATE TABLE customers (id INT PRIMARY KEY, full_name VARCHAR(40) NOT NULL,"
                        + " city VARCHAR(40), region CHAR(2) NOT NULL)", "INSERT INTO customers VALUES " + rows,
                "CREATE TABLE a (id INT PRIMARY KEY, v INT)", "CREATE TABLE b (id INT PRIMARY KEY, v INT)",
                "INSERT INTO a VALUES (1, 1), (2, 2), (3, 3)", "INSERT INTO b VALUES (1, 1), (2, 2), (3, 3)");
        // the destination holds only the 'eu' customers, with full_name renamed to name and no region column
        db.execute("USE " + DST, "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                        + " city VARCHAR(40))",
                "INSERT INTO customers SELECT id, full_name, city FROM " + SRC + ".customers WHERE region = 'eu'",
                "UPDATE customers SET name = 'changed' WHERE id IN (4, 8)", "DELETE FROM customers WHERE id = 10",
                "INSERT INTO customers VALUES (1000, 'only here', NULL)",
                "CREATE TABLE a_v2 (id INT PRIMARY KEY, v INT)", "CREATE TABLE b_v2 (id INT PRIMARY KEY, v INT)",
                "INSERT INTO a_v2 VALUES (1, 1), (2, 2), (3, 3)", "INSERT INTO b_v2 VALUES (1, 1), (2, 20), (3, 3)");
    }

    static final String CUSTOMERS = "tables:\n  - name: customers\n    where: { source: \"region = 'eu'\" }\n"
            + "    columns: { ignore: [region], map: { full_name: name } }\n";

    @Test
    void renamedColumnsAndAOneSidedFilterShowExactlyThePlantedRows() throws Exception {
        Path spec = SpecFiles.write(dir, "renamed", SRC, DST, CUSTOMERS + "options: { recheck: { attempts: 0 } }\n");
        CliRun run = CliRun.run(dir.resolve("renamed"), "verify", "--job", spec.toString(), "--report-dir",
                dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern(SRC + "\\.customers\\s+200\\s+200\\s+\\d+\\s+1\\s+1\\s+2\\s+differences");
        List<String> diffs = Files.readAllLines(dir.resolve("r/renamed/1/diffs.jsonl"));
        assertThat(diffs).containsExactlyInAnyOrder(
                "{\"table\":\"" + SRC + ".customers\",\"kind\":\"changed\",\"key\":{\"id\":4},\"columns\":[\"full_name\"]}",
                "{\"table\":\"" + SRC + ".customers\",\"kind\":\"changed\",\"key\":{\"id\":8},\"columns\":[\"full_name\"]}",
                "{\"table\":\"" + SRC + ".customers\",\"kind\":\"missing\",\"key\":{\"id\":10},\"columns\":[]}",
                "{\"table\":\"" + SRC + ".customers\",\"kind\":\"extra\",\"key\":{\"id\":1000},\"columns\":[]}");

        CliRun repair = CliRun.run(dir.resolve("renamed"), "repair", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString(),
                "--apply");
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        assertThat(Files.readString(dir.resolve("r/renamed/1/repair/" + DST + ".customers.sql")))
                .contains("`name` = 'name 4'").doesNotContain("full_name`");
        CliRun after = CliRun.run(dir.resolve("renamed"), "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(after.exitCode()).as(after.out()).isZero();
    }

    @Test
    void aGlobTargetFindsEachTableUnderItsNewName() {
        Path spec = SpecFiles.write(dir, "globbed", SRC, DST, "tables:\n  - include: \"" + SRC + ".*\"\n"
                + "    exclude: [\"" + SRC + ".customers\"]\n    target: \"" + DST + ".*_v2\"\n"
                + "options: { recheck: { attempts: 0 } }\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern(SRC + "\\.a\\s+3\\s+3\\s+\\d+\\s+0\\s+0\\s+0\\s+consistent")
                .containsPattern(SRC + "\\.b\\s+3\\s+3\\s+\\d+\\s+0\\s+0\\s+1\\s+differences")
                .contains("1 rows differ");
    }

    @Test
    void aMappedColumnThatDoesNotExistIsBadInput() {
        Path spec = SpecFiles.write(dir, "badmap", SRC, DST,
                "tables:\n  - name: customers\n    columns: { map: { full_name: nom } }\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("bad").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("parity: tables[0].columns.map: column 'nom' (for 'full_name') does not"
                + " exist in " + DST + ".customers on the destination; fix the name or remove the entry");
        assertThat(dir.resolve("bad")).doesNotExist();
    }
}
