package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One table that cannot be compared never stops the others: it is reported as not compared with its reason in every
 * report, the other tables are verified, and the verdict is never consistent (exit 3 when nothing else differs, 1 when
 * something does). Cases: no SELECT privilege on either side, a column type Parity cannot compare.
 */
class NotComparedIT {

    static final String SRC = "pit_nc_src";
    static final String DST = "pit_nc_dst";
    static final String USER = "pit_nc";

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase.assumeMariaDb("the column Parity cannot compare is MariaDB's INET6; MySQL has no such type");
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d, "CREATE TABLE keyed (id INT PRIMARY KEY, v INT)",
                    "INSERT INTO keyed VALUES (1, 10), (2, 20), (3, 30)",
                    "CREATE TABLE secret_src (id INT PRIMARY KEY, v INT)", "CREATE TABLE secret_dst (id INT PRIMARY KEY, v INT)",
                    "CREATE TABLE xmlish (id INT PRIMARY KEY, s SET('a','b'), g INET6)");
        }
        db.execute("DROP USER IF EXISTS '" + USER + "'@'127.0.0.1'",
                "CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY 'nc-pw'",
                "GRANT SELECT ON " + SRC + ".keyed TO '" + USER + "'@'127.0.0.1'",
                "GRANT SELECT ON " + DST + ".keyed TO '" + USER + "'@'127.0.0.1'",
                "GRANT SELECT ON " + SRC + ".xmlish TO '" + USER + "'@'127.0.0.1'",
                "GRANT SELECT ON " + DST + ".xmlish TO '" + USER + "'@'127.0.0.1'",
                "GRANT SELECT ON " + DST + ".secret_src TO '" + USER + "'@'127.0.0.1'",
                "GRANT SELECT ON " + SRC + ".secret_dst TO '" + USER + "'@'127.0.0.1'");
    }

    private Path spec(String tables) throws IOException {
        TestDatabase db = TestDatabase.get();
        return Files.writeString(dir.resolve("nc.yml"), "name: nc\n"
                + "source: {url: \"" + db.url(SRC) + "\", user: " + USER + ", password: \"nc-pw\"}\n"
                + "destination: {url: \"" + db.url(DST) + "\", user: " + USER + ", password: \"nc-pw\"}\n"
                + "tables: " + tables + "\noptions: {recheck: {attempts: 0}}\n");
    }

    @Test
    void tablesThatCannotBeComparedAreReportedWithTheirReasonAndTheOthersAreVerified() throws IOException {
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.run(dir, "verify", "--job", spec("[keyed, secret_src, secret_dst, xmlish]").toString(),
                "--report-dir", reports.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        Path report = reports.resolve("nc").resolve("1");
        JsonNode summary = JsonMapper.builder().build().readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("verdict").asString()).isEqualTo("incomplete");
        assertThat(summary.get("error").isNull()).isTrue();
        Map<String, JsonNode> tables = new HashMap<>();
        summary.get("tables").forEach(t -> tables.put(t.get("table").asString().replaceFirst("^" + SRC + "\\.", ""), t));
        assertThat(tables.get("keyed").get("status").asString()).isEqualTo("consistent");
        assertThat(tables.get("keyed").get("sourceRows").asLong()).isEqualTo(3);
        String srcReason = "source: account '" + USER + "' has no SELECT privilege on " + SRC + ".secret_src";
        String dstReason = "destination: account '" + USER + "' has no SELECT privilege on " + DST + ".secret_dst";
        String typeReason = "column g has type inet6, which Parity cannot compare exactly";
        assertThat(tables.get("secret_src").get("status").asString()).isEqualTo("not-compared");
        assertThat(tables.get("secret_src").get("reason").asString()).startsWith(srcReason);
        assertThat(tables.get("secret_dst").get("reason").asString()).startsWith(dstReason);
        assertThat(tables.get("xmlish").get("reason").asString()).startsWith(typeReason);

        for (String file : List.of("report.md", "report.html", "junit.xml")) {
            String text = Files.readString(report.resolve(file)).replace("&#39;", "'").replace("&#x27;", "'")
                    .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            assertThat(text).as(file).contains(srcReason).contains(dstReason).contains(typeReason);
        }
        assertThat(Files.readString(report.resolve("junit.xml"))).contains("failures=\"3\"").contains("errors=\"0\"");
        assertThat(run.out()).contains("not compared " + SRC + ".secret_src: " + srcReason)
                .contains("INCOMPLETE: 3 of 4 tables could not be compared");
    }

    @Test
    void differencesElsewhereMakeTheVerdictDifferences() throws IOException {
        TestDatabase.get().execute("UPDATE " + DST + ".keyed SET v = 99 WHERE id = 2");
        try {
            Path reports = dir.resolve("reports");
            CliRun run = CliRun.run(dir, "verify", "--job", spec("[keyed, xmlish]").toString(), "--report-dir",
                    reports.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("DIFFERENCES FOUND: 1 rows differ").contains("not compared " + SRC + ".xmlish");
        } finally {
            TestDatabase.get().execute("UPDATE " + DST + ".keyed SET v = 20 WHERE id = 2");
        }
    }
}
