package io.parity.cli;

import io.parity.batch.RunProgress;
import io.parity.batch.VerifyContexts;
import io.parity.batch.VerifyLauncher;
import io.parity.config.JobSpec;
import io.parity.config.SpecLoader;
import io.parity.config.Workers;
import io.parity.error.ParityException;
import io.parity.remote.BrokerSettings;
import io.parity.report.ReportWriter;
import io.parity.report.RunSummary;
import io.parity.report.SummaryAssembler;
import io.parity.report.TableSummary;
import io.parity.report.TerminalSummary;
import io.parity.report.Verdict;
import io.parity.store.RunStore;
import io.parity.store.StoredDiff;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code parity verify}: checks that the destination holds the same rows as the source. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Compare source and destination table by table and report every differing row.",
                "",
                "Tables are split into key-range chunks; each chunk is checksummed on both sides at once, and only",
                "chunks that differ are narrowed down to rows: missing, extra, or changed (with the column names).",
                "Schema differences are reported too. Verify only reads: it never writes to either database.", ""},
        footer = {"", "Examples:",
                "  parity verify --job jobs/shop.yml",
                "  parity verify --job jobs/shop.yml --report-dir /var/lib/parity/reports --quiet",
                "  SRC_PASSWORD=... DST_PASSWORD=... parity verify --job jobs/shop.yml",
                "  parity verify --job jobs/shop.yml --workers amqp://parity@rabbitmq:5672 \\",
                "      --repository-url jdbc:mysql://repo:3306/parity     # partitions run on 'parity worker's",
                "  parity verify --restart 12                            # finish a failed run: only unfinished partitions",
                "", "Reports go to <report-dir>/<job>/<run>/: summary.json, diffs.jsonl, report.md.",
                "Exit codes: 0 consistent, 1 differences found, 2 bad input, 3 could not complete."})
public class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "FILE", description = "Job spec (YAML), e.g. jobs/shop.yml.")
    Path job;

    @Option(names = "--restart", paramLabel = "RUN_ID",
            description = "Run a failed or stopped run again: completed partitions are kept, the others resume from"
                    + " their last checked chunk. The spec is the run's own unless --job is given.")
    Long restart;

    @Option(names = "--workers", paramLabel = "AMQP_URL",
            description = "Run as a manager: send partitions through this RabbitMQ broker to 'parity worker' processes"
                    + " (or the spec's workers.broker). Password in the URL or PARITY_BROKER_PASSWORD. Needs a shared"
                    + " --repository-url.")
    String workers;

    @Option(names = "--queue", paramLabel = "NAME", description = "Queue the workers consume (default: "
            + BrokerSettings.DEFAULT_QUEUE + ", or the spec's workers.queue).")
    String queue;

    @Option(names = "--worker-timeout", paramLabel = "DURATION", description = "How long the manager waits for all"
            + " partitions, e.g. 90s, 30m, 12h (default: 24h, or the spec's workers.timeout); unfinished ones are then"
            + " marked FAILED.")
    String workerTimeout;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory for reports (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL",
            description = "Job repository database (default: H2 file under .parity/, or PARITY_REPOSITORY_URL).")
    String repositoryUrl;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line and the report path.")
    boolean quiet;

    @Override
    public Integer call() {
        if (job == null && restart == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--job=FILE' (or --restart=RUN_ID to finish a failed run)");
        }
        JobSpec given = job == null ? null : SpecLoader.fromSystemEnvironment().load(job);
        RepositorySettings repository = RepositorySettings.resolve(repositoryUrl, given == null ? null : given.repository());
        JobSpec jobSpec = given != null ? given : specOfRun(repository, restart);
        BrokerSettings broker = broker(jobSpec);
        if (broker != null) {
            repository.requireShared("--workers");
            broker.check();
        }
        try (VerifyContext context = VerifyPreparation.prepare(jobSpec);
             ParityRuntime runtime = broker == null ? ParityRuntime.start(repository)
                     : ParityRuntime.startManager(repository, broker)) {
            progress(runtime.bean(RunProgress.class));
            VerifyLauncher launcher = runtime.bean(VerifyLauncher.class);
            JobExecution execution = restart == null ? launcher.run(context)
                    : launcher.restart(context, restartable(runtime, jobSpec));
            boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
            ParityException failure = completed ? null : VerifyLauncher.failureOf(execution);
            long runId = execution.getJobInstance().getInstanceId();
            RunStore store = runtime.bean(RunStore.class);
            List<StoredDiff> diffs = store.diffs(runId);
            List<TableSummary> tables = SummaryAssembler.tables(store.tables(runId), diffs);
            Verdict verdict = SummaryAssembler.verdict(tables, completed);
            RunSummary summary = new RunSummary(RunSummary.SCHEMA_VERSION, ParityVersion.get(), jobSpec.name(), runId,
                    verdict.label(), execution.getStartTime() == null ? null : execution.getStartTime().toInstant(ZoneOffset.UTC),
                    execution.getEndTime() == null ? null : execution.getEndTime().toInstant(ZoneOffset.UTC),
                    context.source().dialect().describe() + " " + jobSpec.source().safeUrl(),
                    context.destination().dialect().describe() + " " + jobSpec.destination().safeUrl(),
                    jobSpec.file().toString(), jobSpec.sha256(), context.hash().specName(), tables,
                    failure == null ? null : failure.getMessage());
            Path dir = new ReportWriter().write(reportDir.resolve(jobSpec.name()).resolve(Long.toString(runId)), summary, diffs);
            if (quiet) {
                spec.commandLine().getOut().println(verdict.label() + " " + dir.resolve("report.md"));
            } else {
                TerminalSummary.print(spec.commandLine().getOut(), summary, dir);
            }
            if (failure != null) {
                spec.commandLine().getErr().println("parity: " + failure.getMessage());
                return ExitCode.of(failure.failure());
            }
            return ExitCode.of(verdict);
        }
    }

    /** The spec a run was started with, read from the run's parameters (a short context of its own). */
    private static JobSpec specOfRun(RepositorySettings repository, long runId) {
        try (ParityRuntime runtime = ParityRuntime.start(repository)) {
            JobExecution last = RunLocator.restartableRun(runtime.bean(JobRepository.class), runId);
            return SpecLoader.fromSystemEnvironment().load(Path.of(last.getJobParameters().getString(VerifyContexts.SPEC_PATH)));
        }
    }

    private JobExecution restartable(ParityRuntime runtime, JobSpec jobSpec) {
        JobExecution last = RunLocator.restartableRun(runtime.bean(JobRepository.class), restart);
        if (!last.getJobInstance().getJobName().equals(jobSpec.name())
                || !jobSpec.sha256().equals(last.getJobParameters().getString(VerifyContexts.KEY))) {
            throw ParityException.badInput("run " + restart + " was started with a different spec than " + jobSpec.file()
                    + "; restart it with its own spec (leave out --job), or start a new run");
        }
        return last;
    }

    /** The broker from --workers or the spec's workers block, or null to run partitions in this process. */
    private BrokerSettings broker(JobSpec jobSpec) {
        Workers fromSpec = jobSpec.workers();
        String url = workers != null ? workers : fromSpec != null ? fromSpec.broker().reveal() : null;
        if (url == null) {
            return null;
        }
        Duration timeout = fromSpec == null ? null : fromSpec.timeout();
        if (workerTimeout != null) {
            timeout = Workers.duration(workerTimeout);
            if (timeout == null) {
                throw ParityException.badInput("--worker-timeout: '" + workerTimeout + "' is not a duration; write 90s, 30m or 12h");
            }
        }
        return BrokerSettings.parse(url, queue != null ? queue : fromSpec == null ? null : fromSpec.queue(), timeout,
                System::getenv);
    }

    private void progress(RunProgress progress) {
        if (quiet || System.console() == null) {
            return;
        }
        progress.onChange(p -> System.err.printf("\r  %,d chunks, %,d rows checked, %,d differing rows", p.chunks(),
                p.rows(), p.diffs()));
    }
}
