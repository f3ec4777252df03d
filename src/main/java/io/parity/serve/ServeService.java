package io.parity.serve;

import io.parity.batch.VerifyLauncher;
import io.parity.store.RunStore;
import org.springframework.batch.core.repository.JobRepository;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A running {@code parity serve}: the scheduler and the HTTP server over the job repository of a started
 * {@link io.parity.cli.ParityRuntime}. Closing stops the web server first, then waits for runs in progress so their
 * reports are complete.
 */
public final class ServeService implements AutoCloseable {

    private final ServeHttp http;
    private final JobScheduler scheduler;

    private ServeService(ServeHttp http, JobScheduler scheduler) {
        this.http = http;
        this.scheduler = scheduler;
    }

    /** Where the pieces come from: the repository and launcher of the Spring context, plus the command's options. */
    public record Settings(JobRepository repository, VerifyLauncher launcher, RunStore store, Path reportDir,
                           String bind, int port, ServeProtection protection, Consumer<String> log) {
    }

    public static ServeService start(List<ScheduledJob> jobs, Settings settings) {
        ServeMetrics metrics = new ServeMetrics();
        jobs.forEach(job -> metrics.register(job.name()));
        ScheduledVerify verify = new ScheduledVerify(settings.launcher(), settings.store(), settings.reportDir(),
                settings.log(), metrics::recordReplicaLag);
        JobRunner runner = new JobRunner(verify::run, metrics, settings.log());
        RunHistory history = new RunHistory(settings.repository(), settings.store(), settings.reportDir());
        ServeHttp http = ServeHttp.start(settings.bind(), settings.port(), settings.protection(), new JobBoard(jobs, runner, history), metrics,
                settings.reportDir());
        return new ServeService(http, new JobScheduler(jobs, runner));
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
        scheduler.close();
    }
}
