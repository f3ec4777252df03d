package io.parity.cli;

import io.parity.batch.VerifyLauncher;
import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.serve.JobsDirectory;
import io.parity.serve.ScheduledJob;
import io.parity.serve.ServeService;
import io.parity.spec.Endpoint;
import io.parity.spec.SpecLoader;
import io.parity.store.RunStore;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code parity serve}: runs scheduled job specs and serves their results until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Run every job spec in a directory that has a schedule: (cron), and serve a page of the results.",
                "", "Each run is the same as 'parity verify --job' (job repository, reports); a job never runs twice",
                "at once: a run due while the previous one is still going is skipped. The page at / lists the jobs,",
                "their last verdicts, a trend of differences per run and links to each report.html; /api/jobs is the",
                "same as JSON and /metrics is for Prometheus. Runs until SIGTERM or Ctrl-C, which lets runs finish.", ""},
        footer = {"", "Examples:",
                "  parity serve --jobs jobs/                           # http://127.0.0.1:8080/",
                "  parity serve --jobs jobs/ --bind 0.0.0.0 --port 9090 --report-dir /var/lib/parity/reports",
                "", "A spec's schedule has six fields, seconds first: schedule: \"0 */15 * * * *\" (every 15 minutes).",
                "Exit codes: 2 bad input (no scheduled spec, bad schedule, port in use); otherwise it runs until stopped."})
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--jobs", paramLabel = "DIR", required = true, description = "Directory of job specs (*.yml, *.yaml).")
    Path jobs;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
    String bind;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory for reports, also served under /reports/ (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL",
            description = "Job repository database (default: H2 file under .parity/, or PARITY_REPOSITORY_URL).")
    String repositoryUrl;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        List<ScheduledJob> scheduled = JobsDirectory.load(jobs, SpecLoader.fromSystemEnvironment(),
                note -> err.println("parity: note: " + note));
        boolean given = repositoryUrl != null || System.getenv("PARITY_REPOSITORY_URL") != null;
        ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl,
                given ? null : repository(scheduled)));
        ServeService service;
        try {
            service = ServeService.start(scheduled, new ServeService.Settings(runtime.bean(JobRepository.class),
                    runtime.bean(VerifyLauncher.class), runtime.bean(RunStore.class), reportDir, bind, port,
                    line -> { err.println("parity: " + line); err.flush(); }));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            runtime.close();
            stopped.countDown();
        }, "parity-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("parity serve: " + scheduled.size() + " scheduled job(s), page at http://" + bind + ":"
                + service.port() + "/ (API /api/jobs, metrics /metrics); Ctrl-C stops");
        scheduled.forEach(job -> out.println("  " + job.name() + "  " + job.schedule()));
        out.flush();
        stopped.await();
        return ExitCode.CONSISTENT;
    }

    /**
     * The specs' common {@code repository:} when no repository was given on the command line or in the environment:
     * the page lists all jobs' histories from one repository, so the specs must agree on it.
     */
    private static Endpoint repository(List<ScheduledJob> jobs) {
        List<Endpoint> given = jobs.stream().map(j -> j.spec().repository()).distinct().toList();
        if (given.stream().map(e -> e == null ? null : e.url()).distinct().count() > 1) {
            throw ParityException.badInput("the specs name different repository: databases; serve keeps all history in"
                    + " one: give them the same repository: or pass --repository-url");
        }
        return given.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
