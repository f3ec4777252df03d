package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema differences are findings of their own; rows are still compared on the common columns when keys agree. */
class SchemaIT {

    static final String SRC = "pit_schema_src";
    static final String DST = "pit_schema_dst";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        db.execute("USE " + SRC,
                "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, legacy INT, balance DECIMAL(10,2),"
                        + " total DECIMAL(10,2) AS (balance * 2) VIRTUAL)",
                "INSERT INTO accounts (id, name, legacy, balance) VALUES (1, 'a', 1, 1.00), (2, 'b', 2, 2.00), (3, 'c', 3, 3.00)",
                "CREATE TABLE only_here (id INT PRIMARY KEY)",
                "CREATE TABLE renamed (id INT PRIMARY KEY, v INT)", "INSERT INTO renamed VALUES (1, 1)");
        db.execute("USE " + DST,
                "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(40) NULL, balance DECIMAL(10,2), added INT,"
                        + " total DECIMAL(10,2) AS (balance * 3) VIRTUAL)",
                "INSERT INTO accounts (id, name, balance, added) VALUES (1, 'a', 1.00, 9), (2, 'B', 2.00, 9), (3, 'c', 3.00, 9)",
                "CREATE TABLE renamed_v2 (id INT PRIMARY KEY, v INT)", "INSERT INTO renamed_v2 VALUES (1, 2)");
    }

    @Test
    void reportsSchemaFindingsAndComparesCommonColumns() throws IOException {
        Path spec = SpecFiles.write(dir, "schema", SRC, DST,
                "tables:\n  - accounts\n  - only_here\n  - name: renamed\n    target: renamed_v2\n");
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);

        Path runDir;
        try (var runs = Files.list(reports.resolve("schema"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        JsonNode tables = JsonMapper.builder().build().readTree(runDir.resolve("summary.json").toFile()).get("tables");
        JsonNode accounts = tables.get(0);
        assertThat(accounts.get("status").asString()).isEqualTo("differences");
        assertThat(strings(accounts.get("schemaFindings"))).containsExactlyInAnyOrder(
                "column-missing legacy: on the source (int(11)) but not on the destination",
                "type-different name: varchar(20) on the source, varchar(40) on the destination",
                "nullability-different name: NOT NULL on the source, NULL on the destination",
                "column-extra added: on the destination (int(11)) but not on the source");
        JsonNode onlyHere = tables.get(1);
        assertThat(onlyHere.get("status").asString()).isEqualTo("not-compared");
        assertThat(strings(onlyHere.get("schemaFindings"))).containsExactly(
                "table-missing: " + DST + ".only_here does not exist on the destination");
        JsonNode renamed = tables.get(2);
        assertThat(renamed.get("target").asString()).isEqualTo(DST + ".renamed_v2");
        // generated columns are compared: the destination computes total as balance * 3 instead of * 2
        assertThat(Files.readAllLines(runDir.resolve("diffs.jsonl"))).containsExactlyInAnyOrder(
                "{\"table\":\"" + SRC + ".accounts\",\"kind\":\"changed\",\"key\":{\"id\":1},\"columns\":[\"total\"]}",
                "{\"table\":\"" + SRC + ".accounts\",\"kind\":\"changed\",\"key\":{\"id\":2},\"columns\":[\"name\",\"total\"]}",
                "{\"table\":\"" + SRC + ".accounts\",\"kind\":\"changed\",\"key\":{\"id\":3},\"columns\":[\"total\"]}",
                "{\"table\":\"" + SRC + ".renamed\",\"kind\":\"changed\",\"key\":{\"id\":1},\"columns\":[\"v\"]}");
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
