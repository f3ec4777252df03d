package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every verify run writes {@code audit.json} beside its report files: who ran it, the spec's sha256 and redacted text,
 * each side's identity, read-only state and replication position at the start and the end, and the sha256 of every
 * report file. {@code parity audit verify} finds a changed or missing file, and names it.
 */
class AuditIT {

    static final String SRC = "pit_audit_src";
    static final String DST = "pit_audit_dst";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : new String[] {SRC, DST}) {
            db.execute("USE " + d, "CREATE TABLE t (id INT PRIMARY KEY, v INT)",
                    "INSERT INTO t SELECT seq, seq FROM " + Numbers.upTo(200));
        }
        db.execute("USE " + DST, "UPDATE t SET v = 0 WHERE id = 7");
    }

    @Test
    void aRunsBundleListsItsServersAndFilesAndCatchesATamperedOne() throws Exception {
        Path spec = SpecFiles.write(dir, "audited", SRC, DST, "tables: [t]\noptions: { recheck: { attempts: 0 } }\n");
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        Path runDir = reports.resolve("audited/1");

        JsonNode audit = JsonMapper.builder().build().readTree(runDir.resolve("audit.json").toFile());
        JsonNode summary = JsonMapper.builder().build().readTree(runDir.resolve("summary.json").toFile());
        assertThat(audit.get("kind").asString()).isEqualTo("verify");
        assertThat(audit.get("runId").asLong()).isEqualTo(1);
        assertThat(audit.get("specSha256").asString()).isEqualTo(summary.get("specSha256").asString()).hasSize(64);
        assertThat(audit.get("specText").asString()).contains("tables: [t]");
        assertThat(audit.get("ranBy").get("user").asString()).isEqualTo(System.getProperty("user.name"));
        assertThat(audit.get("sides")).hasSize(2);
        for (JsonNode side : audit.get("sides")) {
            for (String when : new String[] {"start", "end"}) {
                JsonNode s = side.get(when);
                assertThat(s.get("serverId").isNumber()).as(side.toString()).isTrue();
                assertThat(s.get("readOnly").asBoolean()).isFalse();
                assertThat(s.get("engine").asString()).startsWith("MariaDB");
                assertThat(s.get("url").asString()).doesNotContain("password");
                assertThat(s.has("position")).isTrue();
            }
        }
        assertThat(audit.get("files").propertyNames()).containsExactlyInAnyOrder("diffs.jsonl", "junit.xml",
                "report.html", "report.md", "summary.json");

        CliRun intact = CliRun.run(null, "audit", "verify", runDir.toString());
        assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("INTACT: 5 file(s) match");

        Files.writeString(runDir.resolve("report.md"), "\nall consistent\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(runDir.resolve("junit.xml"));
        Files.writeString(runDir.resolve("later.sql"), "-- written after the bundle\n");
        CliRun tampered = CliRun.run(null, "audit", "verify", runDir.toString());
        assertThat(tampered.exitCode()).as(tampered.out() + tampered.err()).isEqualTo(1);
        assertThat(tampered.out()).contains("changed      report.md").contains("missing      junit.xml")
                .contains("not covered  later.sql").contains("CHANGED: 2 of 5 file(s) differ");

        CliRun none = CliRun.run(null, "audit", "verify", dir.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("holds no audit.json");
    }
}
