package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.parity.it.ReplicationPair.DESTINATION;
import static io.parity.it.ReplicationPair.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runbook's dangerous half as native actions, no shell command anywhere, on the replication pair: the source made
 * read-only, replication into the destination stopped at a recorded position, reverse replication started by GTID
 * with a password read from a file, the consistent gate, and the migration account's write grants revoked without
 * the REVOKE travelling back to the old source. Each step's evidence holds the state before and after, the
 * statements run and the statements that undo them. A dry run prints the same statements and changes nothing.
 */
class NativeActionsIT {

    static final String DB = "pit_act";

    @TempDir
    static Path dir;

    private static final String RUNBOOK = """
            cutover:
              heartbeat: {schema: pit_act_hb}
              steps:
                - gate: lag
                  max-delay: 5s
                  timeout: 20s
                - action: read-only
                  side: source
                - gate: writes-stopped
                  stable-for: 1s
                  timeout: 10s
                  interval: 500ms
                - gate: caught-up
                  period: 1s
                  interval: 500ms
                  timeout: 30s
                - action: stop-replication
                - action: start-reverse-replication
                  user: parity_repl
                  password-file: repl.txt
                  host: 127.0.0.1
                - gate: reverse-replication
                  within: 10s
                - gate: consistent
                - action: revoke-grants
                  accounts: ["pit_act_mig@%"]
                - gate: grants
                  accounts: ["pit_act_mig@%"]
              rollback:
                - action: read-only
                  side: destination
                - gate: reverse-replication
                  within: 10s
                - gate: consistent
                - action: stop-replication
                  side: source
                - action: read-only
                  side: source
                  value: off
                - action: start-replication
            """;

    @BeforeAll
    static void pair() {
        ReplicationPair.start();
        ReplicationPair.execute(SOURCE, "CREATE DATABASE IF NOT EXISTS " + DB,
                "CREATE TABLE IF NOT EXISTS " + DB + ".orders (id INT PRIMARY KEY, total DECIMAL(10,2))",
                "REPLACE INTO " + DB + ".orders VALUES (1, 10.00), (2, 20.50), (3, 7.25)");
        ReplicationPair.awaitCaughtUp();
    }

    @AfterEach
    void reset() {
        ReplicationPair.reset();
    }

    private static void migrationAccount() {
        ReplicationPair.execute(DESTINATION, "SET SESSION sql_log_bin = 0", "DROP USER IF EXISTS 'pit_act_mig'@'%'",
                "CREATE USER 'pit_act_mig'@'%' IDENTIFIED BY 'x'",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON " + DB + ".* TO 'pit_act_mig'@'%'");
    }

    private static Path spec(Path work, String name) throws Exception {
        Files.writeString(work.resolve("repl.txt"), "parity_repl\n");
        return ReplicationPair.spec(work, name, DB, RUNBOOK);
    }

    @Test
    void theRunbookRunsWithNativeActionsAndRecordsEachChangeWithItsUndo() throws Exception {
        migrationAccount();
        Path work = Files.createDirectories(dir.resolve("flow"));
        Path spec = spec(work, "pit_act_flow");
        Path reports = work.resolve("reports");

        CliRun run = CliRun.run(dir, "cutover", "--job", spec.toString(), "--report-dir", reports.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("job pit_act_flow  run (\\d+)").matcher(run.out());
        assertThat(id.find()).as(run.out()).isTrue();
        Path runDir = reports.resolve("pit_act_flow").resolve(id.group(1));

        JsonNode readOnly = GateEvidence.read(runDir, "02-read-only");
        assertThat(readOnly.get("status").asString()).isEqualTo("PASS");
        assertThat(readOnly.get("before").get("read_only").asString()).isEqualTo("0");
        assertThat(readOnly.get("after").get("read_only").asString()).isEqualTo("1");
        assertThat(readOnly.get("statements").toString()).contains("SET GLOBAL read_only = ON");
        assertThat(readOnly.get("undo").toString()).contains("SET GLOBAL read_only = OFF");

        JsonNode stop = GateEvidence.read(runDir, "05-stop-replication");
        assertThat(stop.get("status").asString()).as(stop.toString()).isEqualTo("PASS");
        assertThat(stop.get("before").get("sql_running").asString()).isEqualTo("Yes");
        assertThat(stop.get("after").get("sql_running").asString()).isEqualTo("No");
        assertThat(stop.get("final_position").asString()).contains("1-7307-");
        assertThat(stop.get("undo").toString()).contains("START SLAVE");

        JsonNode reverse = GateEvidence.read(runDir, "06-start-reverse-replication");
        assertThat(reverse.get("status").asString()).as(reverse.toString()).isEqualTo("PASS");
        assertThat(reverse.get("statements").get(0).asString()).contains("MASTER_HOST = '127.0.0.1'")
                .contains("MASTER_PORT = " + DESTINATION).contains("MASTER_PASSWORD = '******'")
                .contains("MASTER_USE_GTID = current_pos");
        assertThat(Files.readString(runDir.resolve("06-start-reverse-replication.json"))).doesNotContain("MASTER_PASSWORD = 'parity_repl'");
        assertThat(reverse.get("after").get("io_running").asString()).isEqualTo("Yes");
        assertThat(reverse.get("undo").toString()).contains("RESET SLAVE ALL");
        assertThat(GateEvidence.read(runDir, "07-reverse-replication").get("status").asString()).isEqualTo("PASS");
        assertThat(GateEvidence.read(runDir, "08-consistent").get("status").asString()).isEqualTo("PASS");

        JsonNode revoke = GateEvidence.read(runDir, "09-revoke-grants");
        assertThat(revoke.get("status").asString()).as(revoke.toString()).isEqualTo("PASS");
        assertThat(revoke.get("statements").get(0).asString()).startsWith("SET SESSION sql_log_bin = 0");
        assertThat(revoke.get("statements").toString()).contains("REVOKE").contains("`pit_act`");
        assertThat(revoke.get("undo").toString()).contains("GRANT").doesNotContain("REVOKE");
        assertThat(GateEvidence.read(runDir, "10-grants").get("status").asString()).isEqualTo("PASS");
        // the REVOKE stayed on the destination: the old source, replicating from it, did not stop on it
        assertThat(ReplicationPair.queryString(SOURCE, "SELECT 1")).isEqualTo("1");
        String sourceStatus = String.valueOf(ReplicationPair.queryString(SOURCE,
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Slave_SQL'"));
        assertThat(sourceStatus).isEqualTo("1");
        assertThat(ReplicationPair.queryString(DESTINATION, "SHOW GRANTS FOR 'pit_act_mig'@'%'")).isNotNull();
    }

    @Test
    void aDryRunPrintsTheStatementsAndChangesNothing() throws Exception {
        migrationAccount();
        Path work = Files.createDirectories(dir.resolve("dry"));
        Path spec = spec(work, "pit_act_dry");

        CliRun dry = CliRun.run(dir, "cutover", "--job", spec.toString(), "--dry-run", "--report-dir",
                work.resolve("reports").toString());

        assertThat(dry.exitCode()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("dry run").contains("SET GLOBAL read_only = ON;").contains("STOP SLAVE;")
                .contains("MASTER_PASSWORD = '******'").contains("REVOKE").contains("undo: SET GLOBAL read_only = OFF")
                .doesNotContain("MASTER_PASSWORD = 'parity_repl'");
        assertThat(ReplicationPair.queryString(SOURCE, "SELECT @@GLOBAL.read_only")).isEqualTo("0");
        assertThat(ReplicationPair.queryString(DESTINATION,
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Slave_SQL'")).isEqualTo("1");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @Test
    void rollbackRunsTheWayBackAsAFlowOfItsOwn() throws Exception {
        migrationAccount();
        Path work = Files.createDirectories(dir.resolve("back"));
        Path spec = spec(work, "pit_act_back");
        Path reports = work.resolve("reports");
        try {
            CliRun forward = CliRun.run(dir, "cutover", "--job", spec.toString(), "--report-dir", reports.toString());
            assertThat(forward.exitCode()).as(forward.out() + forward.err()).isZero();
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("job pit_act_back  run (\\d+)")
                    .matcher(forward.out());
            assertThat(id.find()).as(forward.out()).isTrue();
            String run = id.group(1);

            CliRun unconfirmed = CliRun.run(dir, "cutover", "rollback", "--run", run);
            assertThat(unconfirmed.exitCode()).isEqualTo(2);
            assertThat(unconfirmed.err()).contains("--confirm");

            CliRun back = CliRun.run(dir, "cutover", "rollback", "--run", run, "--confirm");
            assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
            assertThat(back.out()).contains("Parity cutover rollback  job pit_act_back  of run " + run);
            java.util.regex.Matcher rid = java.util.regex.Pattern.compile("job pit_act_back  run (\\d+)")
                    .matcher(back.out());
            assertThat(rid.find()).as(back.out()).isTrue();
            Path rollbackDir = reports.resolve("pit_act_back").resolve(rid.group(1));
            assertThat(rid.group(1)).isNotEqualTo(run);
            assertThat(GateEvidence.read(rollbackDir, "r01-read-only").get("status").asString()).isEqualTo("PASS");
            assertThat(GateEvidence.read(rollbackDir, "r03-consistent").get("status").asString()).isEqualTo("PASS");
            assertThat(GateEvidence.read(rollbackDir, "r06-start-replication").get("status").asString())
                    .isEqualTo("PASS");
            // back where the migration started: the source writable, the destination read-only and replicating from it
            assertThat(ReplicationPair.queryString(SOURCE, "SELECT @@GLOBAL.read_only")).isEqualTo("0");
            assertThat(ReplicationPair.queryString(DESTINATION, "SELECT @@GLOBAL.read_only")).isEqualTo("1");
            assertThat(ReplicationPair.queryString(DESTINATION,
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Slave_SQL'")).isEqualTo("1");
            assertThat(Files.readString(rollbackDir.resolve("summary.md"))).contains("PASSED");
        } finally {
            ReplicationPair.execute(DESTINATION, "SET GLOBAL read_only = 0");
        }
    }
}
