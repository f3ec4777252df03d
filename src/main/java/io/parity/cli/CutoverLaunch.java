package io.parity.cli;

import io.parity.batch.CutoverJobFactory;
import io.parity.batch.VerifyLauncher;
import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.gate.CutoverReport;
import io.parity.gate.CutoverStepRunner;
import io.parity.gate.GateContext;
import io.parity.gate.GateRunner;
import io.parity.gate.StepOutcome;
import io.parity.gate.StepStatus;
import io.parity.run.BatchVerifyRuns;
import io.parity.spec.CutoverSpec;
import io.parity.spec.CutoverStep;
import io.parity.spec.Durations;
import io.parity.spec.JobSpec;
import io.parity.store.RunStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs a runbook (or a single gate) as a Spring Batch job inside a started {@link ParityRuntime}, prints each step as
 * it ends, writes {@code junit.xml} and {@code summary.md}, and turns the run into an exit code. Shared by
 * {@code parity cutover}, {@code parity cutover resume} and {@code parity gate}.
 */
final class CutoverLaunch {

    /** Job parameter naming what the run is: {@code cutover} or {@code gate:<name>}. */
    static final String KIND = "cutover.kind";
    static final String SPEC_PATH = "spec.path";
    static final String SPEC_SHA = "spec.sha256";
    static final String REPORT_DIR = "report.dir";

    private final ParityRuntime runtime;
    private final JobSpec spec;
    private final CutoverSpec cutover;
    private final Path reportDir;
    private final PrintWriter out;
    private final PrintWriter progress;

    /**
     * @param out      where step lines and the verdict go
     * @param progress where a waiting gate's progress lines go (stderr), or null to keep quiet
     */
    CutoverLaunch(ParityRuntime runtime, JobSpec spec, CutoverSpec cutover, Path reportDir, PrintWriter out,
                  PrintWriter progress) {
        this.runtime = runtime;
        this.spec = spec;
        this.cutover = cutover;
        this.reportDir = reportDir;
        this.out = out;
        this.progress = progress;
    }

    Path runDir(long runId) {
        return reportDir.resolve(spec.name()).resolve(Long.toString(runId));
    }

    /** Starts a new run, or restarts the stopped one these parameters identify, and reports it. */
    int run(String jobName, List<CutoverStep> plan, JobParameters params) {
        return run(jobName, plan, params, io.parity.gate.ResumePlan.NONE);
    }

    /** As {@link #run(String, List, JobParameters)}, restarting with the steps {@code resume} names run again. */
    int run(String jobName, List<CutoverStep> plan, JobParameters params, io.parity.gate.ResumePlan resume) {
        try (GateContext context = new GateContext(spec, cutover.heartbeat(), Clock.systemUTC(),
                new BatchVerifyRuns(runtime.bean(VerifyLauncher.class), runtime.bean(RunStore.class),
                        runtime.bean(JobRepository.class), reportDir))) {
            List<io.parity.connect.ServerSnapshot> start = List.of(context.snapshot(io.parity.core.Side.SOURCE),
                    context.snapshot(io.parity.core.Side.DESTINATION));
            java.time.Instant started = java.time.Instant.now();
            CutoverStepRunner steps = new CutoverStepRunner(context, GateRunner.system().reporting(w -> {
                if (progress != null) {
                    progress.println(w.line());
                    progress.flush();
                }
            }));
            Job job = runtime.bean(CutoverJobFactory.class).create(jobName, plan, (step, runId) -> {
                StepOutcome o = steps.run(step, runDir(runId));
                out.printf("  %-24s %-8s %s%n", o.id(), o.status(), o.reason());
                out.flush();
                return o;
            }, resume, rollbackBehind(jobName));
            JobExecution execution;
            try {
                execution = runtime.bean(JobOperator.class).start(job, params);
            } catch (Exception e) {
                throw new ParityException(Failure.INCOMPLETE, "cannot start the cutover job: " + e.getMessage(), e);
            }
            int exit = report(execution, plan);
            audit(runDir(execution.getJobInstance().getInstanceId()), execution.getJobInstance().getInstanceId(),
                    started, List.of(io.parity.audit.AuditWriter.side(start.get(0),
                                    context.snapshot(io.parity.core.Side.SOURCE)),
                            io.parity.audit.AuditWriter.side(start.get(1),
                                    context.snapshot(io.parity.core.Side.DESTINATION))));
            return exit;
        }
    }

    /**
     * The audit bundle of this run of the flow, written last: the sha256 of every evidence file and report so far (a
     * resumed run writes it again, covering the steps after the pause too).
     */
    private void audit(Path dir, long runId, java.time.Instant started, List<io.parity.audit.AuditBundle.Side> sides) {
        String text;
        try {
            text = io.parity.report.SpecRedaction.redact(java.nio.file.Files.readString(spec.file()));
        } catch (java.io.IOException e) {
            text = "";
        }
        try {
            io.parity.audit.AuditWriter.write(dir, new io.parity.audit.AuditWriter.Run("cutover", spec.name(), runId,
                    spec.file().toString(), spec.sha256(), text, started, java.time.Instant.now(), sides));
        } catch (java.io.IOException e) {
            throw new ParityException(Failure.INCOMPLETE, "cannot write the audit bundle to " + dir + " ("
                    + e.getMessage() + "); choose a writable --report-dir", e);
        }
    }

    /** The rollback steps a forward runbook's {@code on-failure: rollback} gates lead to; none for other runs. */
    private List<CutoverStep> rollbackBehind(String jobName) {
        return jobName.endsWith("-cutover") ? cutover.rollback() : List.of();
    }

    private int report(JobExecution execution, List<CutoverStep> plan) {
        long runId = execution.getJobInstance().getInstanceId();
        Path dir = runDir(runId);
        // rollback steps a failed gate led to are part of this run's record: listed after the runbook's
        List<CutoverStep> ran = rollbackBehind(execution.getJobInstance().getJobName()).stream()
                .filter(s -> java.nio.file.Files.exists(dir.resolve(s.id() + ".json"))).toList();
        if (!ran.isEmpty()) {
            List<CutoverStep> all = new java.util.ArrayList<>(plan);
            all.addAll(ran);
            plan = all;
        }
        CutoverReport report = CutoverReport.collect(spec.name(), runId, plan, dir);
        report.write(dir);
        if (execution.getStatus() == BatchStatus.FAILED && !report.failed() && !report.couldNotMeasure()) {
            throw new ParityException(Failure.INCOMPLETE, "run " + runId + " stopped unexpectedly: "
                    + execution.getAllFailureExceptions().stream().findFirst().map(Throwable::toString)
                    .orElse(execution.getExitStatus().getExitCode() + " " + execution.getExitStatus().getExitDescription()));
        }
        out.println();
        out.println(report.verdict() + "  job " + spec.name() + "  run " + runId);
        long took = report.outcomes().stream().mapToLong(StepOutcome::millis).sum();
        out.println("  " + report.outcomes().stream().filter(o -> o.status() == StepStatus.PASS).count() + " of "
                + report.outcomes().size() + " steps passed in " + Durations.format(Duration.ofMillis(took)));
        boolean pausedAtFailure = execution.getStatus() == BatchStatus.STOPPED && !report.any(StepStatus.PAUSED);
        if (report.any(StepStatus.PAUSED)) {
            out.println("  Paused. When done, continue with: parity cutover resume --run " + runId);
        } else if (pausedAtFailure) {
            out.println("  Paused at the failed gate (on-failure: pause). Fix what it names, then run it again with:"
                    + " parity cutover resume --run " + runId);
        }
        out.println("Reports: " + dir.resolve("summary.md") + ", " + dir.resolve("junit.xml"));
        return pausedAtFailure && !report.couldNotMeasure() ? ExitCode.PAUSED : ExitCode.of(report);
    }
}
