package io.parity.cli;

import io.parity.batch.RunProgress;
import io.parity.batch.RunningExecutions;
import io.parity.batch.VerifyLauncher;
import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.remote.BrokerSettings;
import io.parity.report.Phase;
import io.parity.report.ReportWriter;
import io.parity.report.TerminalSummary;
import io.parity.report.Verdict;
import io.parity.run.VerifyRun;
import io.parity.run.VerifyUseCase;
import io.parity.schema.TablePlan;
import io.parity.spec.Durations;
import io.parity.privilege.WriteAccess;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;
import io.parity.spec.Workers;
import io.parity.store.RunStore;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code parity verify}: checks that the destination holds the same rows as the source. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Compare source and destination table by table and report every differing row.",
                "",
                "Tables are split into key-range chunks; each chunk is checksummed on both sides at once, and only",
                "chunks that differ are narrowed down to rows: missing, extra, or changed (with the column names).",
                "Differences are re-checked after a delay (options.recheck) so rows in flight under replication are",
                "not reported. Schema differences are reported too. Verify only reads: it never writes to either",
                "database. A run that was killed or stopped continues with --restart <run-id>.", ""},
        footer = {"", "Examples:",
                "  parity verify --job jobs/shop.yml",
                "  parity verify --job jobs/shop.yml --report-dir /var/lib/parity/reports --quiet",
                "  parity verify --restart 12                  # continue run 12 after a crash, kill or SIGTERM",
                "  SRC_PASSWORD=... DST_PASSWORD=... parity verify --job jobs/shop.yml",
                "  parity verify --job jobs/shop.yml --output json | jq '.tables[] | {table, missing, extra, changed}'",
                "", "Reports go to <report-dir>/<job>/<run>/: report.html, summary.json, diffs.jsonl, report.md, junit.xml.",
                "A progress bar is drawn on stderr when it is a terminal (not with --quiet or --output json).",
                "  parity verify --job jobs/shop.yml --workers amqp://parity@rabbitmq:5672 \\",
                "      --repository-url jdbc:mysql://repo:3306/parity     # partitions run on 'parity worker's",
                "Exit codes: 0 consistent, 1 differences found, 2 bad input, 3 could not complete (or a table could not",
                "be compared, and nothing else differs)."})
public class VerifyCommand implements Callable<Integer> {

    /** How long SIGTERM waits for running chunks to finish before the JVM goes down anyway. */
    static final long STOP_GRACE_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "FILE", description = "Job spec (YAML), e.g. jobs/shop.yml.")
    Path job;

    @Option(names = "--restart", paramLabel = "RUN_ID",
            description = "Continue a run that did not complete (killed, stopped, failed) from its last committed chunk;"
                    + " completed partitions are kept. The spec is the run's own unless --job is given.")
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

    @Option(names = {"-q", "--quiet"}, description = "No progress bar; print only the verdict and the report path.")
    boolean quiet;

    /** What goes to stdout. */
    enum Output { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the run's summary.json on stdout and nothing else, for scripts.")
    Output output;

    private final long started = System.nanoTime();

    @Override
    public Integer call() {
        if (job == null && restart == null) {
            throw ParityException.badInput("verify needs --job <spec> (a new run) or --restart <run-id>; see 'parity verify --help'");
        }
        // Reading the spec and connecting both sides take a second of CPU and round trips; starting the job repository
        // takes as long again. An H2 repository file that exists already starts meanwhile on another thread, when the
        // spec cannot name another repository; a new one starts only once the input proved good, so that bad input
        // writes nothing. Logging is set up on this thread first: a library that logs on one thread while logging
        // starts on another would make SLF4J print a warning about replayed calls.
        org.slf4j.LoggerFactory.getILoggerFactory();
        RepositorySettings guess = restart == null ? RepositorySettings.resolve(repositoryUrl, null) : null;
        CompletableFuture<ParityRuntime> early = guess != null && guess.existingFile() && !namesRepository(job)
                ? CompletableFuture.supplyAsync(() -> ParityRuntime.start(guess), VerifyPreparation.STARTING) : null;
        JobSpec given;
        try {
            given = job == null ? null : SpecLoader.fromSystemEnvironment().load(job);
        } catch (RuntimeException e) {
            close(early);
            throw e;
        }
        RepositorySettings repository = RepositorySettings.resolve(repositoryUrl, given == null ? null : given.repository());
        if (restart != null) {
            try (ParityRuntime runtime = ParityRuntime.start(repository)) {
                JobExecution previous = RunLocator.restartableRun(runtime.bean(JobRepository.class),
                        runtime.bean(JobOperator.class), restart);
                JobSpec jobSpec = RunLocator.specOf(previous, given,
                        "restarting would mix results of two specs; start a new run with --job");
                BrokerSettings broker = broker(jobSpec, repository);
                if (broker != null) { // the run's partitions go to workers again: a manager context of its own
                    try (VerifyContext context = VerifyUseCase.prepare(jobSpec);
                         ParityRuntime manager = ParityRuntime.startManager(repository, broker)) {
                        return execute(manager, context, previous);
                    }
                }
                try (VerifyContext context = VerifyUseCase.prepare(jobSpec)) {
                    return execute(runtime, context, previous);
                }
            }
        }
        BrokerSettings broker;
        try {
            broker = broker(given, repository);
        } catch (RuntimeException e) {
            close(early);
            throw e;
        }
        if (early != null && (broker != null || !repository.equals(guess))) {
            close(early); // workers need a manager context, or the spec named another repository after all
            early = null;
        }
        VerifyContext prepared;
        try {
            prepared = VerifyUseCase.prepare(given);
        } catch (RuntimeException e) {
            close(early);
            throw e;
        }
        try (VerifyContext context = prepared;
             ParityRuntime runtime = early != null ? VerifyPreparation.joined(early) : broker == null ? ParityRuntime.start(repository)
                     : ParityRuntime.startManager(repository, broker)) {
            Long unfinished = RunLocator.unfinishedRun(runtime.bean(JobRepository.class), given.name());
            if (unfinished != null) {
                spec.commandLine().getErr().println("parity: note: run " + unfinished + " of job " + given.name()
                        + " did not complete; 'parity verify --restart " + unfinished + "' continues it."
                        + " Starting a new run.");
            }
            return execute(runtime, context, null);
        }
    }

    /** Closes a repository started early, once it has started, when the run will not use it. */
    private static void close(CompletableFuture<ParityRuntime> early) {
        if (early != null) {
            early.handle((r, t) -> {
                if (r != null) {
                    r.close();
                }
                return null;
            }).join();
        }
    }

    /**
     * Whether the spec file may name its own job repository (a top-level {@code repository:} key), read as plain text
     * before the spec is parsed; an unreadable file counts as naming one (the loader then reports it).
     */
    private static boolean namesRepository(Path spec) {
        try {
            return java.util.regex.Pattern.compile("(?m)^\\s*repository\\s*:|[{,]\\s*repository\\s*:")
                    .matcher(java.nio.file.Files.readString(spec)).find();
        } catch (java.io.IOException | RuntimeException e) {
            return true;
        }
    }

    /** Launches a new run, or restarts {@code restartOf}, through the verify use case, and prints its outcome. */
    private int execute(ParityRuntime runtime, VerifyContext context, JobExecution restartOf) {
        long now = System.nanoTime();
        List<Phase> phases = List.of(
                new Phase("connect, discover tables", (context.preparedAt() - started) / 1_000_000),
                new Phase("start the job repository", (now - context.preparedAt()) / 1_000_000));
        WriteAccess.warning(context.source(), context.destination(), context.plans(), context.spec().file().toString())
                .ifPresent(w -> spec.commandLine().getErr().println("parity: " + w));
        ProgressLine bar = progress(runtime.bean(RunProgress.class), context);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(ExitCode.INCOMPLETE);
        Thread stopper = stopOnSigterm(runtime, finished, exitCode);
        try {
            VerifyUseCase.Request request = VerifyUseCase.Request.to(reportDir).withPhases(phases)
                    .warningsTo(w -> spec.commandLine().getErr().println("parity: " + w))
                    .whenLaunched(() -> {
                        if (bar != null) {
                            bar.finish();
                        }
                    });
            VerifyRun run = new VerifyUseCase(runtime.bean(VerifyLauncher.class), runtime.bean(RunStore.class))
                    .launchAndReport(context, restartOf, request);
            exitCode.set(print(run));
            return exitCode.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and waits for us
            }
        }
    }

    private int print(VerifyRun run) {
        if (output == Output.json) {
            spec.commandLine().getOut().print(ReportWriter.summaryJson(run.summary()));
            spec.commandLine().getOut().flush();
        } else if (quiet) {
            spec.commandLine().getOut().println(run.summary().verdict() + " " + ReportFiles.report(run.reportDir()));
        } else {
            TerminalSummary.print(spec.commandLine().getOut(), run.summary(), run.reportDir(),
                    spec.commandLine().getColorScheme().ansi().enabled());
        }
        ParityException failure = run.failure();
        if (failure != null) {
            String restartHint = failure.failure() == Failure.INCOMPLETE
                    && !failure.getMessage().contains("--restart") ? "; 'parity verify --restart " + run.runId()
                    + "' continues it" : "";
            spec.commandLine().getErr().println("parity: " + failure.getMessage() + restartHint);
            return ExitCode.of(failure.failure());
        }
        return ExitCode.of(Verdict.valueOf(run.summary().verdict().toUpperCase(Locale.ROOT)));
    }

    /**
     * On SIGTERM, asks Spring Batch to stop the run: partitions finish their current chunk and end STOPPED, so the
     * run can be restarted; the JVM exits once the report is written or the grace period ends.
     */
    private Thread stopOnSigterm(ParityRuntime runtime, CountDownLatch finished,
                                 AtomicInteger exitCode) {
        Thread hook = new Thread(() -> {
            runtime.bean(RunningExecutions.class).current().ifPresent(execution -> {
                try {
                    runtime.bean(JobOperator.class).stop(execution);
                } catch (Exception e) {
                    // not running any more
                }
            });
            try {
                if (finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    // The JVM is already shutting down for the signal, so main's System.exit cannot set the status:
                    // end with the run's own exit code (3: stopped, restartable) instead of the signal's 143.
                    spec.commandLine().getOut().flush();
                    spec.commandLine().getErr().flush();
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "parity-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /**
     * The broker from --workers or the spec's workers block, checked and with a shared repository, or null to run
     * partitions in this process.
     */
    private BrokerSettings broker(JobSpec jobSpec, RepositorySettings repository) {
        Workers fromSpec = jobSpec.workers();
        String url = workers != null ? workers : fromSpec != null ? fromSpec.broker().reveal() : null;
        if (url == null) {
            return null;
        }
        Duration timeout = fromSpec == null ? null : fromSpec.timeout();
        if (workerTimeout != null) {
            timeout = Durations.parse(workerTimeout);
            if (timeout == null || timeout.isZero()) {
                throw ParityException.badInput("--worker-timeout: '" + workerTimeout + "' is not a duration; write 90s, 30m or 12h");
            }
        }
        BrokerSettings broker = BrokerSettings.parse(url, queue != null ? queue : fromSpec == null ? null : fromSpec.queue(),
                timeout, System::getenv);
        repository.requireShared("--workers");
        broker.check();
        return broker;
    }

    /** A live bar on stderr, only for a person at a terminal; scripts and logs get the result alone. */
    private ProgressLine progress(RunProgress progress, VerifyContext context) {
        if (!ProgressLine.wanted(quiet || output == Output.json)) {
            return null;
        }
        long total = context.plans().stream().filter(TablePlan::comparable).mapToLong(TablePlan::estimatedRows).sum();
        ProgressLine bar = new ProgressLine(System.err, total);
        progress.onChange(bar::update);
        return bar;
    }
}
