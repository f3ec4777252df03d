package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.spec.CutoverSpec;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
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

/**
 * {@code parity cutover rollback --run N}: the way back as a flow. Runs the spec's {@code rollback:} steps (the same
 * gates and actions as the runbook: stop writes on the destination, reverse replication caught up, verify, switch
 * back, re-point replication) as a run of its own, {@code <job>-rollback}, that names the cutover run it undoes. The
 * spec must be the one that cutover run started with, and the operator confirms first.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Run the spec's 'rollback:' steps to go back to the source after cutover run N.", ""},
        footer = {"", "Example:", "  parity cutover rollback --run 17 --confirm",
                "", "Reports go to <report-dir>/<job>/<rollback run>/, as for 'parity cutover'; a pause in the",
                "rollback resumes with 'parity cutover resume --run <rollback run>'.",
                "Exit codes: as 'parity cutover'."})
public class CutoverRollbackCommand implements Callable<Integer> {

    /** Job parameter naming the cutover run a rollback run undoes. */
    static final String ROLLBACK_OF = "rollback.of";

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "The cutover run to roll back.")
    long run;

    @Option(names = "--confirm", description = "Confirm without a prompt (for scripts): go back to the source.")
    boolean confirm;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Base directory for reports (default: the run's).")
    Path reportDir;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines while a gate waits.")
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
            JobRepository repository = runtime.bean(JobRepository.class);
            JobInstance instance = repository.getJobInstance(run);
            if (instance == null || !instance.getJobName().endsWith("-cutover")) {
                throw ParityException.badInput("run " + run + " is not a cutover run in the job repository; check --run"
                        + " (and --repository-url)");
            }
            JobExecution last = repository.getLastJobExecution(instance);
            JobParameters params = last.getJobParameters();
            JobSpec jobSpec = SpecLoader.fromSystemEnvironment().load(Path.of(params.getString(CutoverLaunch.SPEC_PATH)));
            if (!jobSpec.sha256().equals(params.getString(CutoverLaunch.SPEC_SHA))) {
                throw ParityException.badInput("spec " + jobSpec.file() + " changed since run " + run
                        + " started; restore it before rolling back");
            }
            CutoverSpec cutover = jobSpec.cutover();
            if (cutover.rollback().isEmpty()) {
                throw ParityException.badInput(jobSpec.file() + ": cutover.rollback: missing; list the way back as"
                        + " steps (see docs/cutover.md, 'The way back')");
            }
            confirm(jobSpec);
            Path base = reportDir != null ? reportDir : Path.of(params.getString(CutoverLaunch.REPORT_DIR));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Parity cutover rollback  job %s  of run %d  %d steps%n%n", jobSpec.name(), run,
                    cutover.rollback().size());
            return new CutoverLaunch(runtime, jobSpec, cutover, base, out, quiet ? null : spec.commandLine().getErr()).run(jobSpec.name() + "-rollback",
                    cutover.rollback(), new JobParametersBuilder()
                            .addString(CutoverLaunch.SPEC_SHA, jobSpec.sha256(), true)
                            .addLong(ROLLBACK_OF, run, true)
                            .addString("run.started", Instant.now().toString(), true)
                            .addString(CutoverLaunch.SPEC_PATH, jobSpec.file().toAbsolutePath().toString(), false)
                            .addString(CutoverLaunch.KIND, "rollback", false)
                            .addString(CutoverLaunch.REPORT_DIR, base.toAbsolutePath().toString(), false)
                            .toJobParameters());
        }
    }

    /** Going back is as deliberate as going forward: the operator types 'yes', or passes --confirm. */
    private void confirm(JobSpec jobSpec) {
        if (!confirm) {
            int steps = jobSpec.cutover().rollback().size();
            TypedConfirmation.require(spec.commandLine().getOut(), "Roll back cutover run " + run + " of "
                    + jobSpec.name() + " (" + steps + " steps)?", "rolling back run " + run + " of " + jobSpec.name()
                    + " runs its " + steps + " rollback steps against both servers; pass --confirm",
                    "not confirmed; nothing was run");
        }
    }
}
