package io.parity.it;

import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parity demo} end to end, in-process through the CLI: it builds the H2 shop, the real verify job finds
 * exactly the drift planted by {@code sql/demo/drift.sql}, and the repair SQL it writes, applied to the destination,
 * makes a second verify consistent.
 */
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void demoFindsExactlyThePlantedDriftAndItsRepairSqlFixesIt() throws Exception {
        Path demo = dir.resolve("demo");
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.run(dir, "demo", "--dir", demo.toString(), "--report-dir", reports.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Path runDir = VerifyIT.onlyRunDir(reports.resolve("demo"));
        assertThat(Files.readAllLines(runDir.resolve("diffs.jsonl"))).containsExactlyInAnyOrder(
                diff("customers", "missing", "{\"customer_id\":17}", "[]"),
                diff("customers", "missing", "{\"customer_id\":640}", "[]"),
                diff("customers", "extra", "{\"customer_id\":5001}", "[]"),
                diff("customers", "changed", "{\"customer_id\":34}", "[\"name\"]"),
                diff("customers", "changed", "{\"customer_id\":101}", "[\"email\"]"),
                diff("customers", "changed", "{\"customer_id\":202}", "[\"name\"]"),
                diff("customers", "changed", "{\"customer_id\":304}", "[\"loyalty_score\"]"),
                diff("customers", "changed", "{\"customer_id\":505}", "[\"avatar_sha\"]"),
                diff("customers", "changed", "{\"customer_id\":606}", "[\"credit_limit\"]"),
                diff("orders", "missing", "{\"order_id\":103000}", "[]"),
                diff("orders", "extra", "{\"order_id\":999999}", "[]"),
                diff("orders", "changed", "{\"order_id\":101200}", "[\"ordered_at\"]"),
                diff("orders", "changed", "{\"order_id\":100015}", "[\"status\"]"),
                diff("orders", "changed", "{\"order_id\":100021}", "[\"note\"]"),
                diff("order_items", "missing", "{\"order_id\":100006,\"line_no\":2}", "[]"),
                diff("order_items", "extra", "{\"order_id\":100009,\"line_no\":4}", "[]"),
                diff("order_items", "changed", "{\"order_id\":100003,\"line_no\":1}", "[\"quantity\"]"),
                diff("payments", "missing", "{\"order_id\":100015,\"attempt\":2}", "[]"),
                diff("payments", "changed", "{\"order_id\":100003,\"attempt\":1}", "[\"gateway_ref\"]"),
                diff("payments", "changed", "{\"order_id\":100006,\"attempt\":1}", "[\"method\"]"));

        JsonNode summary = JsonMapper.builder().build().readTree(runDir.resolve("summary.json").toFile());
        assertThat(summary.get("verdict").asString()).isEqualTo("differences");
        assertThat(summary.get("source").asString()).startsWith("H2 2.");
        JsonNode customers = summary.get("tables").get(0);
        assertThat(customers.get("table").asString()).isEqualTo("public.customers");
        assertThat(customers.get("sourceRows").asLong()).isEqualTo(1200);
        assertThat(customers.get("destinationRows").asLong()).isEqualTo(1199);
        JsonNode items = summary.get("tables").get(1);
        assertThat(items.get("sourceRows").asLong()).isEqualTo(5000);
        assertThat(items.get("chunks").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(run.out()).contains("DIFFERENCES FOUND: 20 rows differ")
                .contains("Demo done").contains(runDir.toString());

        List<Path> repairFiles;
        try (Stream<Path> files = Files.list(runDir.resolve("repair"))) {
            repairFiles = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(repairFiles).extracting(f -> f.getFileName().toString()).containsExactly(
                "public.customers.sql", "public.order_items.sql", "public.orders.sql", "public.payments.sql");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + demo.resolve("destination").toAbsolutePath()
                + ";DATABASE_TO_LOWER=TRUE", "sa", "")) {
            for (Path f : repairFiles) {
                try (Reader r = Files.newBufferedReader(f)) {
                    RunScript.execute(c, r);
                }
            }
        }
        CliRun again = CliRun.run(dir, "verify", "--job", demo.resolve("demo.yml").toString(),
                "--report-dir", dir.resolve("reports-after").toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("CONSISTENT");
    }

    static String diff(String table, String kind, String key, String columns) {
        return "{\"table\":\"public." + table + "\",\"kind\":\"" + kind + "\",\"key\":" + key + ",\"columns\":" + columns + "}";
    }
}
