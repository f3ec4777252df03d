package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code parity cutover resume} on a runbook whose gates read files and whose commands leave marks, against the local
 * server: a failed step is retried within the same run, a resume after a pause re-checks the gates before the pause,
 * and a run that stood longer than {@code max-pause-age} is refused. {@code parity runs} then labels the run by its
 * flow's outcome.
 */
class CutoverResumeIT {

    private static final String SRC = "pit_resume_src";
    private static final String DST = "pit_resume_dst";

    @TempDir
    static Path dir;

    @BeforeAll
    static void databases() {
        TestDatabase.get().recreate(SRC, DST);
    }

    private static Path spec(Path work, String name, String cutover) {
        return SpecFiles.write(work, name, SRC, DST, "tables:\n  - include: \"" + SRC + ".*\"\n" + cutover);
    }

    private static CliRun cli(String... args) {
        return CliRun.run(dir, args);
    }

    private static String runId(CliRun run) {
        Matcher m = Pattern.compile("(?:PASSED|FAILED|PAUSED)  job \\S+  run (\\d+)").matcher(run.out());
        assertTrue(m.find(), run.out());
        return m.group(1);
    }

    @Test
    void aFailedStepIsRetriedWithinTheSameRunKeepingOneRecord() throws Exception {
        Path work = Files.createDirectories(dir.resolve("retry"));
        Path spec = spec(work, "pit_resume_retry", """
                cutover:
                  steps:
                    - action: command
                      run: "echo once >> once.txt"
                    - gate: backup
                      file: backup.done
                      max-age: 1h
                    - action: command
                      run: "test -f go && echo switched >> switched.txt"
                """);
        Path reports = work.resolve("reports");

        CliRun first = cli("cutover", "--job", spec.toString(), "--report-dir", reports.toString());
        assertEquals(1, first.exitCode(), first.out() + first.err());
        String run = runId(first);
        Path runDir = reports.resolve("pit_resume_retry").resolve(run);
        assertEquals("FAIL", GateEvidence.read(runDir, "02-backup").get("status").asString());

        Files.writeString(work.resolve("backup.done"), "taken");
        CliRun second = cli("cutover", "resume", "--run", run);
        assertEquals(1, second.exitCode(), "the backup passes now, the switch command fails: " + second.out() + second.err());
        assertTrue(second.out().contains("run " + run + "  retrying 02-backup"), second.out());
        assertEquals(run, runId(second), "the retry is the same run");
        assertEquals("PASS", GateEvidence.read(runDir, "02-backup").get("status").asString());
        JsonNode command = GateEvidence.read(runDir, "03-command");
        assertEquals(1, command.get("exit_code").asInt());

        Files.writeString(work.resolve("go"), "");
        CliRun third = cli("cutover", "resume", "--run", run);
        assertEquals(0, third.exitCode(), third.out() + third.err());
        assertTrue(third.out().contains("retrying 03-command"), third.out());
        assertTrue(third.out().contains("re-checking first what guards it: 02-backup"), third.out());
        assertTrue(third.out().contains("PASSED  job pit_resume_retry  run " + run), third.out());
        assertEquals(1, Files.readAllLines(work.resolve("once.txt")).size(), "a passed command is not run again");
        assertEquals(1, Files.readAllLines(work.resolve("switched.txt")).size());

        JsonNode backup = GateEvidence.read(runDir, "02-backup");
        assertEquals("PASS", backup.get("status").asString());
        JsonNode earlier = backup.get("earlier_attempts");
        assertEquals(2, earlier.size(), backup.toString());
        assertEquals("FAIL", earlier.get(0).get("status").asString());
        assertTrue(earlier.get(0).get("reason").asString().startsWith("no backup found"), earlier.toString());
        assertEquals("PASS", earlier.get(1).get("status").asString(), "the re-check on the last resume kept the retry's");
        assertEquals("FAIL", GateEvidence.read(runDir, "03-command").get("earlier_attempts").get(0).get("status")
                .asString());
        String junit = Files.readString(runDir.resolve("junit.xml"));
        assertTrue(junit.contains("tests=\"3\" failures=\"0\" errors=\"0\""), junit);

        CliRun runs = cli("runs", "--job", "pit_resume_retry-cutover");
        assertEquals(0, runs.exitCode(), runs.out() + runs.err());
        assertEquals(1, runs.out().lines().filter(l -> l.contains("pit_resume_retry-cutover")).count(),
                "one record of the cutover: " + runs.out());
        assertTrue(runs.out().contains("COMPLETED   cutover PASS"), runs.out());

        CliRun show = cli("runs", "show", run);
        assertTrue(show.out().matches("(?s).*03-command\\s+PASS\\s+command exited 0.*"), show.out());

        CliRun again = cli("cutover", "resume", "--run", run);
        assertEquals(2, again.exitCode(), "a completed run does not resume: " + again.out() + again.err());
    }

    @Test
    void resumeAfterAPauseRechecksTheGatesBeforeItAndStopsWhenOneNoLongerHolds() throws Exception {
        Path work = Files.createDirectories(dir.resolve("pause"));
        Path spec = spec(work, "pit_resume_pause", """
                cutover:
                  steps:
                    - action: command
                      run: "echo stopped >> task.txt"
                    - gate: backup
                      file: backup.done
                      max-age: 1h
                    - action: pause
                      message: "switch the application"
                    - action: command
                      run: "echo after >> after.txt"
                """);
        Path reports = work.resolve("reports");
        Files.writeString(work.resolve("backup.done"), "taken");

        CliRun paused = cli("cutover", "--job", spec.toString(), "--report-dir", reports.toString());
        assertEquals(4, paused.exitCode(), paused.out() + paused.err());
        String run = runId(paused);
        Path runDir = reports.resolve("pit_resume_pause").resolve(run);

        Files.delete(work.resolve("backup.done")); // what the gate measured no longer holds
        CliRun broken = cli("cutover", "resume", "--run", run, "--confirm");
        assertEquals(1, broken.exitCode(), broken.out() + broken.err());
        assertTrue(broken.out().contains("re-checking first what guards it: 02-backup"), broken.out());
        assertTrue(broken.out().contains("02-backup") && broken.out().contains("no backup found"), broken.out());
        assertFalse(Files.exists(work.resolve("after.txt")), "nothing after the pause ran");
        assertEquals("PASS", GateEvidence.read(runDir, "03-pause").get("status").asString(), "the confirmation stands");

        Files.writeString(work.resolve("backup.done"), "taken again");
        CliRun fixed = cli("cutover", "resume", "--run", run);
        assertEquals(0, fixed.exitCode(), "no second confirmation: " + fixed.out() + fixed.err());
        assertTrue(fixed.out().contains("retrying 02-backup"), fixed.out());
        CliRun show = cli("runs", "show", run);
        assertTrue(show.out().matches("(?s).*03-pause\\s+PASS\\s+confirmed by .*"), "a confirmed pause: " + show.out());
        assertEquals(1, Files.readAllLines(work.resolve("after.txt")).size());
        assertEquals(1, Files.readAllLines(work.resolve("task.txt")).size());
        JsonNode backup = GateEvidence.read(runDir, "02-backup");
        assertEquals("PASS", backup.get("status").asString());
        assertEquals("PASS", backup.get("earlier_attempts").get(0).get("status").asString());
        assertEquals("FAIL", backup.get("earlier_attempts").get(1).get("status").asString());
        assertTrue(Files.readString(runDir.resolve("summary.md")).contains("Result: **PASSED**"));
    }

    @Test
    void aRunPausedLongerThanMaxPauseAgeIsRefused() throws Exception {
        Path work = Files.createDirectories(dir.resolve("stale"));
        Path spec = spec(work, "pit_resume_stale", """
                cutover:
                  max-pause-age: 1s
                  steps:
                    - action: pause
                      message: "switch the application"
                    - action: command
                      run: "echo after >> after.txt"
                """);
        CliRun paused = cli("cutover", "--job", spec.toString(), "--report-dir", work.resolve("reports").toString());
        assertEquals(4, paused.exitCode(), paused.out() + paused.err());
        String run = runId(paused);
        Thread.sleep(2500);

        CliRun refused = cli("cutover", "resume", "--run", run, "--confirm");

        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("run " + run + " paused ") && refused.err().contains(
                "longer than cutover.max-pause-age 1 s; start a new run"), refused.err());
        assertEquals("PAUSED", GateEvidence.read(work.resolve("reports").resolve("pit_resume_stale").resolve(run),
                "01-pause").get("status").asString(), "a refused resume confirms nothing");
        assertFalse(Files.exists(work.resolve("after.txt")));

        CliRun bad = cli("cutover", "--job", spec(work, "pit_resume_bad", "cutover:\n  max-pause-age: soon\n"
                + "  steps:\n    - action: pause\n").toString());
        assertEquals(2, bad.exitCode(), bad.out() + bad.err());
        assertTrue(bad.err().contains("cutover.max-pause-age: 'soon' is not a duration"), bad.err());
    }

    @Test
    void runsLabelsGateAndCutoverRunsByTheirOutcomeAndShowFindsTheirReportDirectory() throws Exception {
        Path work = Files.createDirectories(dir.resolve("labels"));
        Path spec = spec(work, "pit_resume_labels", """
                cutover:
                  steps:
                    - gate: backup
                      file: backup.done
                      max-age: 1h
                    - action: pause
                """);
        Path reports = work.resolve("elsewhere");
        CliRun gate = cli("gate", "backup", "--job", spec.toString(), "--report-dir", reports.toString());
        assertEquals(1, gate.exitCode(), gate.out() + gate.err());
        Files.writeString(work.resolve("backup.done"), "taken");
        CliRun paused = cli("cutover", "--job", spec.toString(), "--report-dir", reports.toString());
        assertEquals(4, paused.exitCode(), paused.out() + paused.err());
        String run = runId(paused);

        CliRun runs = cli("runs");
        assertTrue(runs.out().contains("pit_resume_labels-cutover  STOPPED     cutover PAUSED"), runs.out());
        assertTrue(runs.out().matches("(?s).*pit_resume_labels-gate-backup\\s+FAILED\\s+gate FAIL\\s.*"), runs.out());
        assertFalse(runs.out().matches("(?s).*pit_resume_labels\\S*\\s+\\S+\\s+(consistent|differences|incomplete).*"),
                "no data verdict for a gate or cutover run: " + runs.out());

        CliRun show = cli("runs", "show", run);
        assertEquals(0, show.exitCode(), show.out() + show.err());
        assertTrue(show.out().contains("verdict    cutover PAUSED"), show.out());
        assertTrue(show.out().matches("(?s).*01-backup\\s+PASS\\s+newest backup.*"), show.out());
        assertTrue(show.out().matches("(?s).*02-pause\\s+PAUSED\\s.*"), show.out());
        Path summary = reports.toAbsolutePath().resolve("pit_resume_labels").resolve(run).resolve("summary.md");
        assertTrue(show.out().contains("Report: " + summary), "the run's recorded --report-dir: " + show.out());

        Path moved = work.resolve("moved");
        Files.move(reports, moved);
        CliRun given = cli("runs", "show", run, "--report-dir", moved.toString());
        assertTrue(given.out().contains("Report: " + moved.resolve("pit_resume_labels").resolve(run).resolve("summary.md")),
                "--report-dir wins over the recorded one: " + given.out());
    }
}
