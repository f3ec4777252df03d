package io.parity.cli;

import io.parity.batch.VerifyLauncher;
import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.serve.JobsDirectory;
import io.parity.serve.ScheduledJob;
import io.parity.serve.ServeCredentials;
import io.parity.serve.ServeProtection;
import io.parity.serve.ServeService;
import io.parity.serve.ServeTls;
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
                "same as JSON and /metrics is for Prometheus. Runs until SIGTERM or Ctrl-C, which lets runs finish.", "",
                "Credentials (from the environment or files, never arguments) protect every path, /metrics included:",
                "PARITY_SERVE_TOKEN (Authorization: Bearer), PARITY_SERVE_USER + PARITY_SERVE_PASSWORD (basic auth),",
                "PARITY_SERVE_METRICS_TOKEN (a bearer token for /metrics only). Without credentials serve binds to",
                "loopback only. --tls-cert/--tls-key (or PARITY_SERVE_TLS_CERT/PARITY_SERVE_TLS_KEY) serve HTTPS.", ""},
        footer = {"", "Examples:",
                "  parity serve --jobs jobs/                           # http://127.0.0.1:8080/",
                "  parity serve --jobs jobs/ --bind 0.0.0.0 --port 9090 --token-file /run/secrets/parity-token \\",
                "      --tls-cert /etc/parity/tls.crt --tls-key /etc/parity/tls.key --report-dir /var/lib/parity/reports",
                "", "A spec's schedule has six fields, seconds first: schedule: \"0 */15 * * * *\" (every 15 minutes).",
                "Exit codes: 2 bad input (no scheduled spec, bad schedule, port in use, --bind beyond loopback without",
                "credentials, unreadable secret or certificate); otherwise it runs until stopped."})
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

    @Option(names = "--user", paramLabel = "NAME",
            description = "Basic-auth user (default: PARITY_SERVE_USER); the password from PARITY_SERVE_PASSWORD or --password-file.")
    String user;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bearer token (instead of PARITY_SERVE_TOKEN).")
    Path tokenFile;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File holding the basic-auth password (instead of PARITY_SERVE_PASSWORD).")
    Path passwordFile;

    @Option(names = "--metrics-token-file", paramLabel = "FILE",
            description = "File holding a bearer token for /metrics only (instead of PARITY_SERVE_METRICS_TOKEN).")
    Path metricsTokenFile;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate (chain) to serve HTTPS with (default: PARITY_SERVE_TLS_CERT); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM private key of --tls-cert, unencrypted (default: PARITY_SERVE_TLS_KEY).")
    Path tlsKey;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory for reports, also served under /reports/ (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL",
            description = "Job repository database (default: H2 file under .parity/, or PARITY_REPOSITORY_URL).")
    String repositoryUrl;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ServeProtection protection = protection().requireCredentialsBeyondLoopback(bind);
        if (protection.tls() == null && !ServeProtection.loopback(bind)) {
            err.println("parity: note: credentials and reports travel unencrypted; give --tls-cert and --tls-key, or put"
                    + " a TLS reverse proxy in front (docs/serve.md)");
        }
        List<ScheduledJob> scheduled = JobsDirectory.load(jobs, SpecLoader.fromSystemEnvironment(),
                note -> err.println("parity: note: " + note));
        boolean given = repositoryUrl != null || System.getenv("PARITY_REPOSITORY_URL") != null;
        ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl,
                given ? null : repository(scheduled)));
        ServeService service;
        try {
            service = ServeService.start(scheduled, new ServeService.Settings(runtime.bean(JobRepository.class),
                    runtime.bean(VerifyLauncher.class), runtime.bean(RunStore.class), reportDir, bind, port,
                    protection, line -> { err.println("parity: " + line); err.flush(); }));
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
        out.println("parity serve: " + scheduled.size() + " scheduled job(s), page at " + protection.scheme() + "://"
                + bind + ":"
                + service.port() + "/ (API /api/jobs, metrics /metrics); Ctrl-C stops");
        scheduled.forEach(job -> out.println("  " + job.name() + "  " + job.schedule()));
        out.flush();
        stopped.await();
        return ExitCode.CONSISTENT;
    }

    /** Credentials and TLS from the options and the environment; bad input when a secret or certificate is unusable. */
    private ServeProtection protection() {
        ServeCredentials credentials = ServeCredentials.resolve(System::getenv,
                new ServeCredentials.Sources(user, tokenFile, passwordFile, metricsTokenFile));
        Path cert = tlsCert != null ? tlsCert : envPath("PARITY_SERVE_TLS_CERT");
        Path key = tlsKey != null ? tlsKey : envPath("PARITY_SERVE_TLS_KEY");
        if ((cert == null) != (key == null)) {
            throw ParityException.badInput("HTTPS needs both --tls-cert FILE and --tls-key FILE (or PARITY_SERVE_TLS_CERT"
                    + " and PARITY_SERVE_TLS_KEY); only the " + (cert == null ? "key" : "certificate") + " is given");
        }
        return new ServeProtection(credentials, cert == null ? null : ServeTls.context(cert, key));
    }

    private static Path envPath(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : Path.of(value);
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
