package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.parity.it.ReplicationPair.DESTINATION;
import static io.parity.it.ReplicationPair.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole runbook rehearsed on the replication pair with no shell command: lag under 5 s, the source made read-only,
 * writes stopped, sessions, caught up, replication stopped, reverse replication started, verified, a pause for the
 * switch, the post-switch gates (application writes arrive on the destination, the old source writes nothing of its
 * own, the destination verified against the old source), the migration account's grants revoked; then
 * {@code parity cutover rollback} back to the source. A gate with {@code on-failure: rollback} that fails takes that
 * branch. A tampered report file makes {@code parity audit verify} exit 1.
 */
class RehearsalIT {

    static final String DB = "pit_rehearse";

    @TempDir
    static Path dir;

    static final String ROLLBACK = """
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

    static final String RUNBOOK = """
            cutover:
              heartbeat: {schema: pit_rehearse_hb}
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
                - gate: sessions
                  allow: [parity_repl]
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
                - action: pause
                  message: "switch the application to the destination"
                - gate: destination-serving
                  timeout: 30s
                  interval: 300ms
                - gate: source-silent
                  period: 2s
                  interval: 500ms
                - gate: consistent
                  direction: reverse
                - action: revoke-grants
                  accounts: ["pit_rehearse_mig@%"]
                - gate: grants
                  accounts: ["pit_rehearse_mig@%"]
            """ + ROLLBACK;

    @BeforeAll
    static void pair() {
        ReplicationPair.start();
        ReplicationPair.execute(SOURCE, "CREATE DATABASE IF NOT EXISTS " + DB,
                "CREATE TABLE IF NOT EXISTS " + DB + ".orders (id INT PRIMARY KEY, total DECIMAL(10,2))",
                "REPLACE INTO " + DB + ".orders VALUES (1, 10.00), (2, 20.50), (3, 7.25)");
        ReplicationPair.awaitCaughtUp();
    }

    @org.junit.jupiter.api.BeforeEach
    void rows() {
        ReplicationPair.execute(SOURCE, "DELETE FROM " + DB + ".orders WHERE id NOT IN (1, 2, 3)",
                "REPLACE INTO " + DB + ".orders VALUES (1, 10.00), (2, 20.50), (3, 7.25)");
        ReplicationPair.awaitCaughtUp();
    }

    @AfterEach
    void reset() {
        ReplicationPair.execute(DESTINATION, "SET GLOBAL read_only = 0");
        ReplicationPair.reset();
    }

    private static Path spec(String name, String runbook) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        Files.writeString(work.resolve("repl.txt"), "parity_repl\n");
        ReplicationPair.execute(DESTINATION, "SET SESSION sql_log_bin = 0", "DROP USER IF EXISTS 'pit_rehearse_mig'@'%'",
                "CREATE USER 'pit_rehearse_mig'@'%' IDENTIFIED BY 'x'",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON " + DB + ".* TO 'pit_rehearse_mig'@'%'");
        return ReplicationPair.spec(work, name, DB, runbook);
    }

    private static String runId(CliRun run, String job) {
        Matcher m = Pattern.compile("job " + job + "  run (\\d+)").matcher(run.out());
        assertThat(m.find()).as(run.out() + run.err()).isTrue();
        return m.group(1);
    }

    @Test
    void theWholeRunbookThenTheWayBack() throws Exception {
        Path spec = spec("pit_rehearse", RUNBOOK);
        Path reports = dir.resolve("pit_rehearse").resolve("reports");

        CliRun paused = CliRun.run(dir, "cutover", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(paused.exitCode()).as(paused.out() + paused.err()).isEqualTo(4);
        String run = runId(paused, "pit_rehearse");
        Path runDir = reports.resolve("pit_rehearse").resolve(run);

        // the application switches to the destination while the post-switch gates watch
        AtomicBoolean stop = new AtomicBoolean();
        Thread application = new Thread(() -> {
            for (int i = 100; i < 400 && !stop.get(); i++) {
                ReplicationPair.execute(DESTINATION, "REPLACE INTO " + DB + ".orders VALUES (" + i + ", " + i + ".00)");
                ReplicationPair.sleep(400);
            }
        });
        application.start();
        CliRun resumed;
        try {
            resumed = CliRun.run(dir, "cutover", "resume", "--run", run, "--confirm");
        } finally {
            stop.set(true);
            application.join();
        }
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();

        for (String step : new String[] {"01-lag", "02-read-only", "03-writes-stopped", "04-sessions", "05-caught-up",
                "06-stop-replication", "07-start-reverse-replication", "08-reverse-replication", "09-consistent",
                "10-pause", "11-destination-serving", "12-source-silent", "13-consistent", "14-revoke-grants",
                "15-grants"}) {
            assertThat(GateEvidence.read(runDir, step).get("status").asString()).as(step).isEqualTo("PASS");
        }
        assertThat(GateEvidence.read(runDir, "06-stop-replication").get("final_position").asString()).contains("1-7307-");
        assertThat(GateEvidence.read(runDir, "11-destination-serving").get("reason").asString())
                .contains("application writes arrive on the destination");
        JsonNode reverse = GateEvidence.lastObservation(GateEvidence.read(runDir, "13-consistent"));
        assertThat(reverse.get("direction").asString()).startsWith("reverse");
        assertThat(reverse.get("differing_rows").asLong()).isZero();

        // the way back
        CliRun back = CliRun.run(dir, "cutover", "rollback", "--run", run, "--confirm");
        assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
        Path backDir = reports.resolve("pit_rehearse").resolve(runId(back, "pit_rehearse"));
        for (String step : new String[] {"r01-read-only", "r02-reverse-replication", "r03-consistent",
                "r04-stop-replication", "r05-read-only", "r06-start-replication"}) {
            assertThat(GateEvidence.read(backDir, step).get("status").asString()).as(step).isEqualTo("PASS");
        }
        String written = ReplicationPair.queryString(DESTINATION, "SELECT COUNT(*) FROM " + DB + ".orders WHERE id >= 100");
        assertThat(Long.parseLong(written)).isPositive();
        assertThat(ReplicationPair.queryString(SOURCE, "SELECT COUNT(*) FROM " + DB + ".orders WHERE id >= 100"))
                .as("the writes made on the destination after the switch are on the source").isEqualTo(written);
        assertThat(ReplicationPair.queryString(SOURCE, "SELECT @@GLOBAL.read_only")).isEqualTo("0");

        // the audit bundle: intact, then a tampered report file is named
        CliRun intact = CliRun.run(null, "audit", "verify", runDir.toString());
        assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
        Files.writeString(runDir.resolve("summary.md"), "tampered\n", java.nio.file.StandardOpenOption.APPEND);
        CliRun tampered = CliRun.run(null, "audit", "verify", runDir.toString());
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.out() + tampered.err()).contains("summary.md");
    }

    @Test
    void aFailingGateWithOnFailureRollbackTakesTheWayBack() throws Exception {
        Path spec = spec("pit_rehearse_fail", """
                cutover:
                  heartbeat: {schema: pit_rehearse_hb}
                  steps:
                    - action: read-only
                      side: source
                    - action: stop-replication
                    - action: start-reverse-replication
                      user: parity_repl
                      password-file: repl.txt
                      host: 127.0.0.1
                    - gate: destination-serving
                      timeout: 2s
                      interval: 500ms
                      on-failure: rollback
                    - gate: grants
                      accounts: ["pit_rehearse_mig@%"]
                """ + ROLLBACK);
        Path reports = dir.resolve("pit_rehearse_fail").resolve("reports");

        CliRun run = CliRun.run(dir, "cutover", "--job", spec.toString(), "--report-dir", reports.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        Path runDir = reports.resolve("pit_rehearse_fail").resolve(runId(run, "pit_rehearse_fail"));
        assertThat(GateEvidence.read(runDir, "04-destination-serving").get("status").asString()).isEqualTo("FAIL");
        assertThat(runDir.resolve("05-grants.json")).doesNotExist();
        assertThat(GateEvidence.read(runDir, "r06-start-replication").get("status").asString()).isEqualTo("PASS");
        assertThat(ReplicationPair.queryString(SOURCE, "SELECT @@GLOBAL.read_only")).isEqualTo("0");
        assertThat(ReplicationPair.queryString(DESTINATION,
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Slave_SQL'")).isEqualTo("1");
        assertThat(Files.readString(runDir.resolve("summary.md"))).contains("r01-read-only").contains("FAILED");
    }

    @Test
    void aMisoperationOnTheOldSourceIsRepairedInsideTheFlowAfterATypedConfirmation() throws Exception {
        Path spec = spec("pit_rehearse_misop", """
                cutover:
                  heartbeat: {schema: pit_rehearse_hb}
                  steps:
                    - action: stop-replication
                    - action: start-reverse-replication
                      user: parity_repl
                      password-file: repl.txt
                      host: 127.0.0.1
                    - action: pause
                      message: "switch the application to the destination"
                    - action: repair
                    - action: pause
                      message: "review the repair files"
                    - action: repair
                      apply: true
                    - gate: consistent
                      direction: reverse
                """);
        Path reports = dir.resolve("pit_rehearse_misop").resolve("reports");
        CliRun first = CliRun.run(dir, "cutover", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(4);
        String run = runId(first, "pit_rehearse_misop");
        Path runDir = reports.resolve("pit_rehearse_misop").resolve(run);

        // a misoperation writes to the wrong side: the old source, after the switch
        ReplicationPair.execute(SOURCE, "UPDATE " + DB + ".orders SET total = 999.00 WHERE id = 2",
                "INSERT INTO " + DB + ".orders VALUES (50, 5.00)");

        CliRun reviewed = CliRun.run(dir, "cutover", "resume", "--run", run, "--confirm");
        assertThat(reviewed.exitCode()).as(reviewed.out() + reviewed.err()).isEqualTo(4);
        JsonNode written = GateEvidence.read(runDir, "04-repair");
        assertThat(written.get("status").asString()).as(written.toString()).isEqualTo("PASS");
        assertThat(written.get("differing_rows").asLong()).isEqualTo(2);
        String repairFile = written.get("tables").get(0).get("repair_file").asString();
        assertThat(Files.readString(runDir.resolve(repairFile))).contains("UPDATE").contains("DELETE");
        assertThat(ReplicationPair.queryString(SOURCE, "SELECT total FROM " + DB + ".orders WHERE id = 2"))
                .as("nothing applied before the confirmation").isEqualTo("999.00");

        CliRun applied = CliRun.run(dir, "cutover", "resume", "--run", run, "--confirm");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(GateEvidence.read(runDir, "06-repair").get("status").asString()).isEqualTo("PASS");
        assertThat(GateEvidence.read(runDir, "07-consistent").get("status").asString()).isEqualTo("PASS");
        assertThat(ReplicationPair.queryString(SOURCE, "SELECT total FROM " + DB + ".orders WHERE id = 2"))
                .isEqualTo("20.50");
        assertThat(ReplicationPair.queryString(SOURCE, "SELECT COUNT(*) FROM " + DB + ".orders WHERE id = 50"))
                .isEqualTo("0");
    }

    @Test
    void aFailingGateWithOnFailurePausePausesAtItselfAndResumeRunsItAgain() throws Exception {
        Path spec = spec("pit_rehearse_pause", """
                cutover:
                  heartbeat: {schema: pit_rehearse_hb}
                  steps:
                    - gate: destination-serving
                      timeout: 2s
                      interval: 500ms
                      on-failure: pause
                    - gate: grants
                      accounts: ["pit_rehearse_mig_none@%"]
                """);
        Path reports = dir.resolve("pit_rehearse_pause").resolve("reports");
        CliRun paused = CliRun.run(dir, "cutover", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(paused.exitCode()).as(paused.out() + paused.err()).isEqualTo(4);
        assertThat(paused.out()).contains("Paused at the failed gate (on-failure: pause)");
        String run = runId(paused, "pit_rehearse_pause");

        AtomicBoolean stop = new AtomicBoolean();
        Thread application = new Thread(() -> {
            for (int i = 400; i < 600 && !stop.get(); i++) {
                ReplicationPair.execute(DESTINATION, "REPLACE INTO " + DB + ".orders VALUES (" + i + ", 1.00)");
                ReplicationPair.sleep(300);
            }
        });
        application.start();
        CliRun resumed;
        try {
            resumed = CliRun.run(dir, "cutover", "resume", "--run", run, "--confirm");
        } finally {
            stop.set(true);
            application.join();
        }
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        Path runDir = reports.resolve("pit_rehearse_pause").resolve(run);
        assertThat(GateEvidence.read(runDir, "01-destination-serving").get("status").asString()).isEqualTo("PASS");
        assertThat(GateEvidence.read(runDir, "02-grants").get("status").asString()).isEqualTo("PASS");
    }
}
