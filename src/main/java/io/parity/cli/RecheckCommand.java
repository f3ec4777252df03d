package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.report.RunReporter;
import io.parity.report.TerminalSummary;
import io.parity.report.Verdict;
import io.parity.spec.JobSpec;
import io.parity.spec.RecheckPolicy;
import io.parity.store.RunStore;
import io.parity.verify.Rechecker;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code parity recheck}: re-check the differences of an earlier run without scanning the tables again. */
@Command(name = "recheck", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Re-check the differences of an earlier verify run, without scanning the tables again.",
                "",
                "Each differing row is read again on both sides: resolved (equal now: it was in flight, or it was",
                "repaired) or confirmed. The run's report is rewritten. Only the recorded keys are read.", ""},
        footer = {"", "Examples:",
                "  parity recheck --run 12",
                "  parity recheck --run 12 --attempts 3 --delay 10   # give replication time between attempts",
                "", "Exit codes: 0 every difference resolved, 1 some confirmed, 2 bad input, 3 could not complete."})
public class RecheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "Verify run whose differences to re-check.")
    long run;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "1", description = "Re-checks (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "0",
            description = "Seconds before the first re-check; doubles for each further one (default: ${DEFAULT-VALUE}).")
    long delaySeconds;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory of reports (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL", description = "Job repository database.")
    String repositoryUrl;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line and the report path.")
    boolean quiet;

    @Override
    public Integer call() {
        if (attempts < 1) {
            throw ParityException.badInput("--attempts: must be at least 1");
        }
        try (ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl, null))) {
            JobExecution execution = RunLocator.completedRun(runtime.bean(JobRepository.class), run, null);
            JobSpec jobSpec = RunLocator.specOf(execution, null, "run 'parity verify' again");
            RunStore store = runtime.bean(RunStore.class);
            try (VerifyContext context = VerifyPreparation.prepare(jobSpec)) {
                Rechecker.Outcome outcome = new Rechecker(context, store)
                        .recheck(run, new RecheckPolicy(attempts, Duration.ofSeconds(delaySeconds), 2.0));
                RunReporter.Written written = RunReporter.of(store, context).write(execution, null, reportDir, 0);
                if (quiet) {
                    spec.commandLine().getOut().println(written.summary().verdict() + " " + written.dir().resolve("report.md"));
                } else {
                    spec.commandLine().getOut().printf("Re-checked %d difference(s) of run %d: %d resolved, %d confirmed.%n",
                            outcome.checked(), run, outcome.resolved(), outcome.confirmed());
                    TerminalSummary.print(spec.commandLine().getOut(), written.summary(), written.dir());
                }
                return ExitCode.of(Verdict.valueOf(written.summary().verdict().toUpperCase(Locale.ROOT)));
            }
        }
    }
}
