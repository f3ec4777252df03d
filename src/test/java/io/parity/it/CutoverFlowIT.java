package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.parity.it.ReplicationPair.DESTINATION;
import static io.parity.it.ReplicationPair.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code parity cutover} end to end on the replication pair: a full runbook with a pause and a resume. */
class CutoverFlowIT {

    @TempDir
    static Path dir;

    private static final String RUNBOOK = """
            cutover:
              heartbeat: {schema: pit_gate_hb}
              steps:
                - gate: lag
                  max-delay: 2s
                  timeout: 20s
                - gate: writes-stopped
                  stable-for: 1s
                  timeout: 10s
                  interval: 500ms
                - gate: sessions
                  allow: [parity_repl]
                - gate: caught-up
                  period: 2s
                  interval: 500ms
                  timeout: 30s
                - action: command
                  run: "echo stopped >> task-stopped.txt; echo migration task stopped"
                - gate: reverse-replication
                  within: 5s
                - gate: consistent
                - action: pause
                  message: "switch the application to the destination"
                - gate: backup
                  file: task-stopped.txt
                  max-age: 1h
                - gate: grants
                  accounts: ["pit_gate_flowmig@%"]
                - gate: lag
                  enabled: false
                  reason: "measured at the start of the runbook"
            """;

    @BeforeAll
    static void pair() {
        ReplicationPair.start();
        ReplicationPair.execute(SOURCE, "CREATE DATABASE IF NOT EXISTS pit_gate_flow",
                "CREATE TABLE IF NOT EXISTS pit_gate_flow.orders (id INT PRIMARY KEY, total DECIMAL(10,2))",
                "REPLACE INTO pit_gate_flow.orders VALUES (1, 10.00), (2, 20.50), (3, 7.25)");
        ReplicationPair.awaitCaughtUp();
        ReplicationPair.execute(DESTINATION, "SET SESSION sql_log_bin = 0",
                "DROP USER IF EXISTS 'pit_gate_flowmig'@'%'",
                "CREATE USER 'pit_gate_flowmig'@'%' IDENTIFIED BY 'x'",
                "GRANT SELECT ON pit_gate_flow.* TO 'pit_gate_flowmig'@'%'");
    }

    @AfterEach
    void reset() {
        ReplicationPair.reset();
    }

    private static CliRun cli(String... args) {
        return CliRun.run(dir, args);
    }

    @Test
    void runbookPausesThenResumesToAPass() throws Exception {
        Path work = Files.createDirectories(dir.resolve("pass"));
        Path spec = ReplicationPair.spec(work, "pit_gate_flow", "pit_gate_flow", RUNBOOK);
        Path reports = work.resolve("reports");
        ReplicationPair.execute(SOURCE, "SET GLOBAL read_only = 1");
        ReplicationPair.script("reverse", "on");

        CliRun paused = cli("cutover", "--job", spec.toString(), "--report-dir", reports.toString());

        assertEquals(4, paused.exitCode(), paused.out() + paused.err());
        Matcher m = Pattern.compile("parity cutover resume --run (\\d+)").matcher(paused.out());
        assertTrue(m.find(), paused.out());
        String run = m.group(1);
        Path runDir = reports.resolve("pit_gate_flow").resolve(run);
        assertEquals("PAUSED", GateEvidence.read(runDir, "08-pause").get("status").asString());
        assertFalse(Files.exists(runDir.resolve("09-backup.json")), "nothing after the pause runs before resume");
        String junitPaused = Files.readString(runDir.resolve("junit.xml"));
        assertTrue(junitPaused.contains("name=\"09-backup\"") && junitPaused.contains("not reached"), junitPaused);

        CliRun unconfirmed = cli("cutover", "resume", "--run", run);
        assertEquals(2, unconfirmed.exitCode(), unconfirmed.out() + unconfirmed.err());
        assertTrue(unconfirmed.err().contains("--confirm"), unconfirmed.err());

        CliRun resumed = cli("cutover", "resume", "--run", run, "--confirm");

        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("PASSED  job pit_gate_flow  run " + run), resumed.out());
        assertFalse(resumed.out().contains("01-lag"), "steps before the pause are not run again: " + resumed.out());
        assertTrue(resumed.out().contains("re-checking first what guards it: 06-reverse-replication, 07-consistent"),
                resumed.out());
        assertEquals("PASS", GateEvidence.read(runDir, "06-reverse-replication").get("earlier_attempts").get(0)
                .get("status").asString(), "the re-check keeps the first attempt");
        assertEquals(1, Files.readAllLines(work.resolve("task-stopped.txt")).size(), "the command ran exactly once");
        String junit = Files.readString(runDir.resolve("junit.xml"));
        assertTrue(junit.contains("tests=\"11\" failures=\"0\" errors=\"0\" skipped=\"1\""), junit);
        JsonNode pause = GateEvidence.read(runDir, "08-pause");
        assertEquals("PASS", pause.get("status").asString());
        assertTrue(pause.has("confirmed_at"));
        JsonNode command = GateEvidence.read(runDir, "05-command");
        assertEquals(0, command.get("exit_code").asInt());
        assertTrue(command.get("output").asString().contains("migration task stopped"));
        JsonNode consistentStep = GateEvidence.read(runDir, "07-consistent");
        JsonNode consistent = GateEvidence.lastObservation(consistentStep);
        assertEquals(0, consistent.get("differing_rows").asLong());
        Path verifyReport = reports.resolve("pit_gate_flow").resolve(consistent.get("run_id").asString());
        assertEquals(verifyReport.toAbsolutePath().toString(), consistent.get("report_dir").asString());
        assertTrue(consistentStep.get("reason").asString().contains("(report " + verifyReport.toAbsolutePath() + "/)"),
                "the report under --report-dir, not reports/: " + consistentStep.get("reason").asString());
        assertTrue(Files.exists(reports.resolve("pit_gate_flow").resolve(consistent.get("run_id").asString())
                .resolve("report.md")), "the verify run wrote its own report");
        JsonNode caughtUp = GateEvidence.read(runDir, "04-caught-up").get("observations");
        assertTrue(caughtUp.size() >= 4, "caught-up polled for its period: " + caughtUp.size());
        JsonNode skipped = GateEvidence.read(runDir, "11-lag");
        assertEquals("SKIPPED", skipped.get("status").asString());
        assertEquals("disabled: measured at the start of the runbook", skipped.get("reason").asString());
        String summary = Files.readString(runDir.resolve("summary.md"));
        assertTrue(summary.contains("Result: **PASSED**"), summary);

        // the run's audit bundle covers every step's evidence and the reports, and re-checks intact
        JsonNode audit = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(runDir.resolve("audit.json").toFile());
        assertEquals("cutover", audit.get("kind").asString());
        assertTrue(audit.get("files").has("08-pause.json") && audit.get("files").has("05-command.json")
                && audit.get("files").has("summary.md"), audit.get("files").toString());
        assertEquals(7307, audit.get("sides").get(0).get("end").get("serverId").asLong());
        CliRun intact = CliRun.run(null, "audit", "verify", runDir.toString());
        assertEquals(0, intact.exitCode(), intact.out() + intact.err());

        CliRun again = cli("cutover", "resume", "--run", run, "--confirm");
        assertEquals(2, again.exitCode(), "a completed run cannot be resumed: " + again.err());
    }

    /** The rehearsal: reverse replication broke during the pause; resume must not report everything passed. */
    @Test
    void resumeRechecksTheGatesBeforeThePauseAndRetriesOnceReplicationIsBack() throws Exception {
        Path work = Files.createDirectories(dir.resolve("recheck"));
        Path spec = ReplicationPair.spec(work, "pit_gate_flow_recheck", "pit_gate_flow", RUNBOOK);
        Path reports = work.resolve("reports");
        ReplicationPair.execute(SOURCE, "SET GLOBAL read_only = 1");
        ReplicationPair.script("reverse", "on");
        CliRun paused = cli("cutover", "--job", spec.toString(), "--report-dir", reports.toString());
        assertEquals(4, paused.exitCode(), paused.out() + paused.err());
        Matcher m = Pattern.compile("parity cutover resume --run (\\d+)").matcher(paused.out());
        assertTrue(m.find(), paused.out());
        String run = m.group(1);
        Path runDir = reports.resolve("pit_gate_flow_recheck").resolve(run);

        ReplicationPair.script("reverse", "off"); // broken while the application was being switched
        CliRun broken = cli("cutover", "resume", "--run", run, "--confirm");

        assertEquals(1, broken.exitCode(), broken.out() + broken.err());
        assertTrue(broken.out().contains("FAILED  job pit_gate_flow_recheck  run " + run), broken.out());
        assertEquals("FAIL", GateEvidence.read(runDir, "06-reverse-replication").get("status").asString());
        assertFalse(Files.exists(runDir.resolve("09-backup.json")), "nothing after the pause ran");

        ReplicationPair.script("reverse", "on");
        CliRun retried = cli("cutover", "resume", "--run", run);

        assertEquals(0, retried.exitCode(), retried.out() + retried.err());
        assertTrue(retried.out().contains("retrying 06-reverse-replication"), retried.out());
        assertTrue(retried.out().contains("PASSED  job pit_gate_flow_recheck  run " + run), retried.out());
        assertEquals(1, Files.readAllLines(work.resolve("task-stopped.txt")).size(), "the command ran exactly once");
        JsonNode reverse = GateEvidence.read(runDir, "06-reverse-replication");
        assertEquals("PASS", reverse.get("status").asString());
        assertEquals(List.of("PASS", "FAIL"), reverse.get("earlier_attempts").valueStream()
                .map(a -> a.get("status").asString()).toList());
        String junit = Files.readString(runDir.resolve("junit.xml"));
        assertTrue(junit.contains("tests=\"11\" failures=\"0\" errors=\"0\" skipped=\"1\""), junit);
        CliRun runs = cli("runs", "--job", "pit_gate_flow_recheck-cutover");
        assertEquals(1, runs.out().lines().filter(l -> l.contains("pit_gate_flow_recheck-cutover")).count(), runs.out());
    }

    @Test
    void failingGateStopsTheRunAndLaterStepsAreNotReached() throws Exception {
        Path work = Files.createDirectories(dir.resolve("fail"));
        Path spec = ReplicationPair.spec(work, "pit_gate_flow_fail", "pit_gate_flow", RUNBOOK);
        Path reports = work.resolve("reports");
        ReplicationPair.execute(SOURCE, "SET GLOBAL read_only = 1");

        CliRun failed = cli("cutover", "--job", spec.toString(), "--report-dir", reports.toString());

        assertEquals(1, failed.exitCode(), failed.out() + failed.err());
        Path runDir = GateEvidence.latestRun(reports, "pit_gate_flow_fail");
        assertEquals("FAIL", GateEvidence.read(runDir, "06-reverse-replication").get("status").asString());
        assertFalse(Files.exists(runDir.resolve("07-consistent.json")));
        String junit = Files.readString(runDir.resolve("junit.xml"));
        assertTrue(junit.contains("failures=\"1\""), junit);
        assertTrue(junit.contains("<failure message=\"canary written on the destination not visible"), junit);
        assertTrue(Files.readString(runDir.resolve("summary.md")).contains("Result: **FAILED**"));
    }

    @Test
    void commandsRecordExitCodeAndOutputAndAreKilledAtTheirTimeout() throws Exception {
        Path work = Files.createDirectories(dir.resolve("commands"));
        Path spec = ReplicationPair.spec(work, "pit_gate_flow_cmd", "pit_gate_flow", """
                cutover:
                  steps:
                    - action: command
                      run: "echo started; echo boom >&2; exit 7"
                """);
        Path slow = ReplicationPair.spec(work, "pit_gate_flow_slow", "pit_gate_flow", """
                cutover:
                  steps:
                    - action: command
                      run: "sleep 30"
                      timeout: 1s
                """);

        CliRun failed = cli("cutover", "--job", spec.toString(), "--report-dir", work.resolve("reports").toString());
        CliRun killed = cli("cutover", "--job", slow.toString(), "--report-dir", work.resolve("reports").toString());

        assertEquals(1, failed.exitCode(), failed.out() + failed.err());
        JsonNode e = GateEvidence.read(GateEvidence.latestRun(work.resolve("reports"), "pit_gate_flow_cmd"), "01-command");
        assertEquals(7, e.get("exit_code").asInt());
        assertEquals("started\nboom\n", e.get("output").asString());
        assertEquals("command exited 7: boom", e.get("reason").asString());
        assertEquals(1, killed.exitCode(), killed.out() + killed.err());
        JsonNode k = GateEvidence.read(GateEvidence.latestRun(work.resolve("reports"), "pit_gate_flow_slow"), "01-command");
        assertTrue(k.get("timed_out").asBoolean());
        assertTrue(k.get("took_ms").asLong() < 10_000, k.toString());
    }

    @Test
    void aGateThatCannotReachItsServerCouldNotMeasure() throws Exception {
        Path work = Files.createDirectories(dir.resolve("unreachable"));
        Path spec = ReplicationPair.spec(work, "pit_gate_flow_down", "pit_gate_flow",
                "cutover:\n  steps:\n    - gate: sessions\n");
        Files.writeString(spec, Files.readString(spec).replace(":" + ReplicationPair.SOURCE + "/", ":3399/"));

        CliRun run = cli("gate", "sessions", "--job", spec.toString(), "--report-dir", work.resolve("reports").toString());

        assertEquals(3, run.exitCode(), run.out() + run.err());
        JsonNode e = GateEvidence.read(GateEvidence.latestRun(work.resolve("reports"), "pit_gate_flow_down"), "sessions");
        assertEquals("ERROR", e.get("status").asString());
        assertTrue(e.get("reason").asString().startsWith("could not measure: source: cannot reach the server"),
                e.get("reason").asString());
        assertTrue(Files.readString(GateEvidence.latestRun(work.resolve("reports"), "pit_gate_flow_down").resolve("junit.xml"))
                .contains("errors=\"1\""));
    }

    @Test
    void badCutoverBlockIsRejectedWithOneLinePerProblem() throws Exception {
        Path work = Files.createDirectories(dir.resolve("bad"));
        Path spec = ReplicationPair.spec(work, "pit_gate_flow_bad", "pit_gate_flow", """
                cutover:
                  steps:
                    - gate: lag
                      max-delay: soon
                    - gate: lagg
                    - gate: grants
                      enabled: false
                    - action: command
                """);

        CliRun bad = cli("cutover", "--job", spec.toString(), "--report-dir", work.resolve("reports").toString());

        assertEquals(2, bad.exitCode(), bad.out() + bad.err());
        assertTrue(bad.err().contains("cutover.steps[0].max-delay: 'soon' is not a duration"), bad.err());
        assertTrue(bad.err().contains("cutover.steps[1].gate: 'lagg' is not a gate"), bad.err());
        assertTrue(bad.err().contains("cutover.steps[2].reason: missing"), bad.err());
        assertTrue(bad.err().contains("cutover.steps[3].run: missing"), bad.err());
        assertFalse(Files.exists(work.resolve("reports")), "nothing is written for bad input");
    }
}
