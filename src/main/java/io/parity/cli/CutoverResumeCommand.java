package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.gate.EvidenceFiles;
import io.parity.gate.ResumePlan;
import io.parity.spec.ActionStep;
import io.parity.spec.CutoverStep;
import io.parity.spec.Durations;
import io.parity.gate.StepStatus;
import io.parity.spec.CutoverSpec;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code parity cutover resume}: continues a stopped run within the same job instance, so the cutover keeps one record.
 * A paused run: the operator confirms the pause step (recorded in its evidence, who and when), the gates guarding it
 * run again, then the steps after it. A failed run: the failed step runs again, with the gates of its block
 * ({@link ResumePlan}). A run stopped longer than {@code cutover.max-pause-age} is refused, and so is a spec edited
 * since the run started.
 */
@Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Continue a paused or failed cutover run.", "",
                "Paused: confirm its pause step, re-check the gates right before the pause, then continue.",
                "Failed: run the failed step again (and the gates of its block) within the same run.",
                "Refused when the run stopped longer ago than cutover.max-pause-age (default 1h).", ""},
        footer = {"", "Examples:", "  parity cutover resume --run 17 --confirm", "  parity cutover resume --run 18",
                "", "Exit codes: as 'parity cutover'; 2 when the run cannot be resumed."})
public class CutoverResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "The paused or failed cutover run.")
    long run;

    @Option(names = "--confirm", description = "Confirm without a prompt (for scripts): the pause step is done.")
    boolean confirm;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Base directory for reports (default: the run's).")
    Path reportDir;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines while a gate waits (step lines and the verdict"
            + " still print).")
    boolean quiet;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL", description = "Job repository database.")
    String repositoryUrl;

    @Option(names = "--job", paramLabel = "FILE",
            description = "Job spec, only needed when the job repository comes from its 'repository:' block.")
    Path job;

    @Override
    public Integer call() {
        JobSpec given = job == null ? null : SpecLoader.fromSystemEnvironment().load(job);
        try (ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl,
                given == null ? null : given.repository()))) {
            JobExecution last = stoppedExecution(runtime.bean(JobRepository.class));
            JobParameters params = last.getJobParameters();
            JobSpec jobSpec = SpecLoader.fromSystemEnvironment().load(Path.of(params.getString(CutoverLaunch.SPEC_PATH)));
            if (!jobSpec.sha256().equals(params.getString(CutoverLaunch.SPEC_SHA))) {
                throw ParityException.badInput("spec " + jobSpec.file() + " changed since run " + run
                        + " started; restore it or start a new run with 'parity cutover --job ...'");
            }
            CutoverSpec cutover = jobSpec.cutover();
            refuseIfStale(last, cutover.maxPauseAge());
            Path base = reportDir != null ? reportDir : Path.of(params.getString(CutoverLaunch.REPORT_DIR));
            CutoverLaunch launch = new CutoverLaunch(runtime, jobSpec, cutover, base, spec.commandLine().getOut(),
                    quiet ? null : spec.commandLine().getErr());
            // a rollback run resumes through the rollback steps
            List<io.parity.spec.CutoverStep> steps = last.getJobInstance().getJobName().endsWith("-rollback")
                    ? cutover.rollback() : cutover.steps();
            Set<String> confirmed = confirmedPauses(launch.runDir(run), steps);
            ResumePlan plan;
            String what;
            String retried = null;
            // stopped at a pause step, or (a gate with on-failure: pause) stopped at the gate that failed: retried
            if (last.getStatus() == BatchStatus.STOPPED && last.getStepExecutions().stream()
                    .anyMatch(s -> StepStatus.PAUSED.name().equals(s.getExitStatus().getExitCode()))) {
                String pauseId = pauseStep(last);
                confirm(launch.runDir(run), pauseId);
                plan = ResumePlan.afterPause(steps, pauseId, confirmed);
                what = "resuming after " + pauseId;
            } else {
                retried = failedStep(last);
                plan = ResumePlan.retry(steps, retried, confirmed);
                what = "retrying " + retried;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Parity cutover  job %s  run %d  %s%n", jobSpec.name(), run, what);
            String step = retried;
            List<String> again = plan.rerun().stream().filter(id -> !id.equals(step)).toList();
            if (!again.isEmpty()) {
                out.println("  re-checking first what guards it: " + String.join(", ", again));
            }
            out.println();
            return launch.run(last.getJobInstance().getJobName(), steps, params, plan);
        }
    }

    /** The run's last execution when it paused or failed: those are the runs that resume. */
    private JobExecution stoppedExecution(JobRepository repository) {
        JobInstance instance = repository.getJobInstance(run);
        if (instance == null || !instance.getJobName().endsWith("-cutover")
                && !instance.getJobName().endsWith("-rollback")) {
            throw ParityException.badInput("run " + run + " is not a cutover run in the job repository; check --run"
                    + " (and --repository-url)");
        }
        JobExecution last = repository.getLastJobExecution(instance);
        if (last == null || (last.getStatus() != BatchStatus.STOPPED && last.getStatus() != BatchStatus.FAILED)) {
            throw ParityException.badInput("run " + run + " is " + (last == null ? "not started" : last.getStatus())
                    + ", not paused or failed; only those resume (start a new one with 'parity cutover --job ...')");
        }
        return repository.getJobExecution(last.getId());
    }

    /**
     * A run that stood longer than {@code cutover.max-pause-age} is not resumed: re-checking the guarding gates covers
     * what they measure, but not what an operator decided from the servers' state back then.
     */
    private void refuseIfStale(JobExecution last, Duration maxAge) {
        if (last.getEndTime() == null) {
            return;
        }
        Duration age = Duration.between(last.getEndTime(), LocalDateTime.now());
        if (age.compareTo(maxAge) > 0) {
            throw ParityException.badInput("run " + run + " " + (last.getStatus() == BatchStatus.STOPPED ? "paused"
                    : "failed") + " " + Durations.format(age) + " ago, longer than cutover.max-pause-age "
                    + Durations.format(maxAge) + "; start a new run with 'parity cutover --job ...' (or raise"
                    + " max-pause-age in the spec, which makes it a new spec and so a new run)");
        }
    }

    /** The pause steps of this run that an operator confirmed earlier (their evidence says PASS). */
    private static Set<String> confirmedPauses(Path runDir, List<CutoverStep> steps) {
        Set<String> ids = new LinkedHashSet<>();
        for (CutoverStep s : steps) {
            if (s instanceof ActionStep a && a.kind() == ActionStep.Kind.PAUSE && EvidenceFiles.read(runDir, s.id())
                    .map(e -> StepStatus.PASS.name().equals(e.get("status"))).orElse(false)) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    /** The step that stopped a failed run: the last one its last execution ran, which failed or could not measure. */
    private String failedStep(JobExecution last) {
        StepExecution failed = last.getStepExecutions().stream().max(Comparator.comparing(StepExecution::getId))
                .orElseThrow(() -> ParityException.badInput("run " + run + " failed before any step; start a new run"));
        String code = failed.getExitStatus().getExitCode();
        if (StepStatus.PASS.name().equals(code) || StepStatus.SKIPPED.name().equals(code)
                || StepStatus.PAUSED.name().equals(code)) {
            throw ParityException.badInput("run " + run + " failed after step " + failed.getStepName() + " ended "
                    + code + "; start a new run");
        }
        return failed.getStepName();
    }

    private String pauseStep(JobExecution last) {
        String id = null;
        for (StepExecution s : last.getStepExecutions()) {
            if (StepStatus.PAUSED.name().equals(s.getExitStatus().getExitCode())) {
                id = s.getStepName();
            }
        }
        if (id == null) {
            throw ParityException.badInput("run " + run + " stopped, but not at a pause step; start a new run");
        }
        return id;
    }

    /** Asks the operator (unless --confirm) and records the confirmation in the pause step's evidence. */
    private void confirm(Path runDir, String pauseId) {
        Map<String, Object> evidence = new LinkedHashMap<>(EvidenceFiles.read(runDir, pauseId).orElseThrow(() ->
                ParityException.badInput("no evidence for " + pauseId + " under " + runDir + "; pass the run's --report-dir")));
        String message = String.valueOf(evidence.get("message"));
        if (!confirm) {
            TypedConfirmation.require(spec.commandLine().getOut(), "Paused at " + pauseId + ": " + message
                    + "\nIs this done?", "run " + run + " waits for: " + message + "; when that is done, pass --confirm"
                    + " to resume", "not confirmed; run " + run + " stays paused");
        }
        String who = System.getProperty("user.name", "operator");
        evidence.put("status", StepStatus.PASS.name());
        evidence.put("reason", "confirmed by " + who + " at " + Instant.now() + ": " + message);
        evidence.put("confirmed_by", who);
        evidence.put("confirmed_at", Instant.now().toString());
        EvidenceFiles.write(runDir, pauseId, evidence);
    }
}
