package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.gate.EvidenceFiles;
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

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parity cutover resume}: the operator's confirmation that a pause step is done, and the restart of the
 * stopped run at the step after it. The confirmation is recorded in the pause step's evidence (who and when), and the
 * spec must be the one the run started with: a runbook edited mid-cutover is refused.
 */
@Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Confirm a paused cutover run's pause step and continue the run after it.", ""},
        footer = {"", "Example:", "  parity cutover resume --run 17 --confirm",
                "", "Exit codes: as 'parity cutover'."})
public class CutoverResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "The paused cutover run.")
    long run;

    @Option(names = "--confirm", description = "Confirm without a prompt (for scripts): the pause step is done.")
    boolean confirm;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Base directory for reports (default: the run's).")
    Path reportDir;

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
            JobExecution last = pausedExecution(runtime.bean(JobRepository.class));
            JobParameters params = last.getJobParameters();
            JobSpec jobSpec = SpecLoader.fromSystemEnvironment().load(Path.of(params.getString(CutoverLaunch.SPEC_PATH)));
            if (!jobSpec.sha256().equals(params.getString(CutoverLaunch.SPEC_SHA))) {
                throw ParityException.badInput("spec " + jobSpec.file() + " changed since run " + run
                        + " started; restore it or start a new run with 'parity cutover --job ...'");
            }
            CutoverSpec cutover = jobSpec.cutover();
            Path base = reportDir != null ? reportDir : Path.of(params.getString(CutoverLaunch.REPORT_DIR));
            CutoverLaunch launch = new CutoverLaunch(runtime, jobSpec, cutover, base, spec.commandLine().getOut());
            String pauseId = pauseStep(last);
            confirm(launch.runDir(run), pauseId);
            spec.commandLine().getOut().printf("Parity cutover  job %s  run %d  resuming after %s%n%n", jobSpec.name(), run,
                    pauseId);
            // a paused rollback run resumes through the rollback steps
            return launch.run(last.getJobInstance().getJobName(), last.getJobInstance().getJobName()
                    .endsWith("-rollback") ? cutover.rollback() : cutover.steps(), params);
        }
    }

    private JobExecution pausedExecution(JobRepository repository) {
        JobInstance instance = repository.getJobInstance(run);
        if (instance == null || !instance.getJobName().endsWith("-cutover")
                && !instance.getJobName().endsWith("-rollback")) {
            throw ParityException.badInput("run " + run + " is not a cutover run in the job repository; check --run"
                    + " (and --repository-url)");
        }
        JobExecution last = repository.getLastJobExecution(instance);
        if (last == null || last.getStatus() != BatchStatus.STOPPED) {
            throw ParityException.badInput("run " + run + " is " + (last == null ? "not started" : last.getStatus())
                    + ", not paused; only a paused run resumes (start a new one with 'parity cutover --job ...')");
        }
        return repository.getJobExecution(last.getId());
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
            Console console = System.console();
            if (console == null) {
                throw ParityException.badInput("run " + run + " waits for: " + message + "; when that is done, pass"
                        + " --confirm to resume");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print("Paused at " + pauseId + ": " + message + "\nType 'yes' when this is done: ");
            out.flush();
            String answer = readLine();
            if (!"yes".equalsIgnoreCase(answer == null ? "" : answer.trim())) {
                throw ParityException.badInput("not confirmed; run " + run + " stays paused");
            }
        }
        String who = System.getProperty("user.name", "operator");
        evidence.put("status", StepStatus.PASS.name());
        evidence.put("reason", "confirmed by " + who + " at " + Instant.now() + ": " + message);
        evidence.put("confirmed_by", who);
        evidence.put("confirmed_at", Instant.now().toString());
        EvidenceFiles.write(runDir, pauseId, evidence);
    }

    private static String readLine() {
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
