package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.spec.CutoverSpec;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code parity cutover}: runs the spec's cutover runbook, gate by gate, as a resumable Spring Batch flow. */
@Command(name = "cutover", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        subcommands = {CutoverResumeCommand.class, CutoverRollbackCommand.class},
        description = {"Run the cutover runbook from the spec's 'cutover:' block.",
                "",
                "Each gate measures the servers and decides PASS, FAIL or WAIT; gates that",
                "can become true poll until their timeout. Native actions (read-only,",
                "stop-replication, start-replication, start-reverse-replication, revoke-grants,",
                "repair) run SQL Parity writes itself, recording the state before and after and",
                "their undo; --dry-run prints that SQL and runs nothing. Commands run in a shell",
                "with their exit code and output recorded. At a pause the run stops, resumable:",
                "continue with 'parity cutover resume --run <id>' once the operator has done the",
                "step. 'parity cutover rollback --run <id>' runs the spec's 'rollback:' steps.", ""},
        footer = {"", "Examples:",
                "  parity cutover --job jobs/shop.yml",
                "  parity cutover --job jobs/shop.yml --dry-run",
                "  parity cutover resume --run 17 --confirm",
                "  parity cutover rollback --run 17 --confirm",
                "", "Reports go to <report-dir>/<job>/<run>/: <step>.json (evidence per step),",
                "junit.xml and summary.md.",
                "Exit codes: 0 every required gate passed, 1 a gate or command failed,",
                "2 bad input, 3 a gate could not measure, 4 paused (waiting for resume)."})
public class CutoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "FILE", description = "Job spec (YAML) with a 'cutover:' block.")
    Path job;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory for reports (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines while a gate waits (step lines and the verdict"
            + " still print).")
    boolean quiet;

    @Option(names = "--dry-run", description = "Print each step and the SQL each native action (read-only,"
            + " stop-replication, start-reverse-replication, revoke-grants) would run, from the servers' current state;"
            + " run nothing, write nothing, record no run.")
    boolean dryRun;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL",
            description = "Job repository database (default: H2 file under .parity/, or PARITY_REPOSITORY_URL).")
    String repositoryUrl;

    /** A new run does not replace a paused one; say so, since the operator may have meant to resume it. */
    private void notePausedRun(JobRepository repository, String jobName) {
        JobInstance last = repository.getLastJobInstance(jobName);
        JobExecution execution = last == null ? null : repository.getLastJobExecution(last);
        if (execution != null && execution.getStatus() == BatchStatus.STOPPED) {
            spec.commandLine().getErr().println("parity: note: run " + last.getInstanceId() + " of this job is paused;"
                    + " 'parity cutover resume --run " + last.getInstanceId() + "' continues it. Starting a new run.");
        }
    }

    /**
     * Each step as it would run: gates with their settings, commands with their shell line, native actions with the
     * statements they would run now (read from the servers, which are only read) and what undoes them.
     */
    private int dryRun(JobSpec jobSpec, CutoverSpec cutover, PrintWriter out) {
        out.printf("Parity cutover  job %s  %d steps  (dry run: nothing is run or written)%n%n", jobSpec.name(),
                cutover.steps().size());
        try (io.parity.gate.GateContext context = new io.parity.gate.GateContext(jobSpec, cutover.heartbeat(),
                java.time.Clock.systemUTC(), null)) {
            for (io.parity.spec.CutoverStep step : cutover.steps()) {
                if (step instanceof io.parity.spec.GateStep g) {
                    out.printf("%s  gate %s%s%n", g.id(), g.gate(), g.settings().values().isEmpty() ? ""
                            : " " + g.settings().values());
                } else if (step instanceof io.parity.spec.ActionStep a && a.kind().nativeAction()) {
                    java.util.Map<String, Object> e = new io.parity.gate.NativeActions(context).run(a, true);
                    out.printf("%s  action %s (on the %s; replicates: %s)%n", a.id(), a.kind().spelling(), e.get("side"),
                            e.get("replicates"));
                    for (Object sql : (java.util.List<?>) e.getOrDefault("statements", java.util.List.of())) {
                        out.println("      " + sql + (sql.toString().endsWith(";") ? "" : ";"));
                    }
                    if ("FAIL".equals(e.get("status")) || "ERROR".equals(e.get("status"))) {
                        out.println("      would fail now: " + e.get("reason"));
                    }
                    Object undo = e.get("undo");
                    if (undo instanceof java.util.List<?> u && !u.isEmpty()) {
                        out.println("      undo: " + String.join("; ", u.stream()
                                .map(x -> String.valueOf(x).strip().replaceAll(";+$", "")).toList()) + ";");
                    }
                } else if (step instanceof io.parity.spec.ActionStep a) {
                    out.printf("%s  action %s%s%n", a.id(), a.kind().spelling(), a.run() != null ? ": " + a.run()
                            : a.message() != null ? ": " + a.message() : "");
                }
            }
        }
        out.flush();
        return ExitCode.CONSISTENT;
    }

    @Override
    public Integer call() {
        if (job == null) {
            throw ParityException.badInput("--job: missing; pass the job spec, e.g. 'parity cutover --job jobs/shop.yml'");
        }
        JobSpec jobSpec = SpecLoader.fromSystemEnvironment().load(job);
        CutoverSpec cutover = jobSpec.cutover();
        if (!cutover.declared()) {
            throw ParityException.badInput(jobSpec.file() + ": cutover: missing; add a 'cutover:' block with 'steps:'"
                    + " (see the README section 'Cutover gates')");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            return dryRun(jobSpec, cutover, out);
        }
        out.printf("Parity cutover  job %s  %d steps%n%n", jobSpec.name(), cutover.steps().size());
        try (ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl, jobSpec.repository()))) {
            notePausedRun(runtime.bean(JobRepository.class), jobSpec.name() + "-cutover");
            return new CutoverLaunch(runtime, jobSpec, cutover, reportDir, out,
                    quiet ? null : spec.commandLine().getErr()).run(jobSpec.name() + "-cutover",
                    cutover.steps(), new JobParametersBuilder()
                            .addString(CutoverLaunch.SPEC_SHA, jobSpec.sha256(), true)
                            .addString("run.started", Instant.now().toString(), true)
                            .addString(CutoverLaunch.SPEC_PATH, jobSpec.file().toAbsolutePath().toString(), false)
                            .addString(CutoverLaunch.KIND, "cutover", false)
                            .addString(CutoverLaunch.REPORT_DIR, reportDir.toAbsolutePath().toString(), false)
                            .toJobParameters());
        }
    }
}
