package io.parity.serve;

import io.parity.batch.VerifyLauncher;
import io.parity.error.ParityException;
import io.parity.report.Phase;
import io.parity.report.RunReporter;
import io.parity.report.RunSummary;
import io.parity.store.RunStore;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs one scheduled job the way {@code parity verify --job} does (prepare, launch, report), so a scheduled run's
 * repository records and report files are the same as a manual one's. At most one run per job at a time: a run that
 * comes due while the previous one is still going is skipped and counted, not queued, because queued runs of a slow
 * job would pile up without bound.
 */
public final class JobRunner {

    private final VerifyLauncher launcher;
    private final RunStore store;
    private final Path reportDir;
    private final ServeMetrics metrics;
    private final Consumer<String> log;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();

    public JobRunner(VerifyLauncher launcher, RunStore store, Path reportDir, ServeMetrics metrics, Consumer<String> log) {
        this.launcher = launcher;
        this.store = store;
        this.reportDir = reportDir;
        this.metrics = metrics;
        this.log = log;
    }

    /** Runs the job unless it is already running; empty when skipped or failed before a verdict. */
    public Optional<RunSummary> run(ScheduledJob job) {
        ReentrantLock lock = running.computeIfAbsent(job.name(), n -> new ReentrantLock());
        if (!lock.tryLock()) {
            metrics.recordSkipped(job.name());
            log.accept("job " + job.name() + " is still running; skipped the run due now");
            return Optional.empty();
        }
        try {
            lastErrors.remove(job.name());
            return Optional.of(runOnce(job));
        } catch (RuntimeException e) {
            // the service outlives a bad run: record it for the page and the metrics, and try again when next due
            String message = e instanceof ParityException ? e.getMessage() : e.toString();
            lastErrors.put(job.name(), message);
            metrics.recordFailure(job.name());
            log.accept("job " + job.name() + ": " + message);
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    public boolean isRunning(String job) {
        ReentrantLock lock = running.get(job);
        return lock != null && lock.isLocked();
    }

    /** The error of the job's latest run when it ended without a verdict, else null. */
    public String lastError(String job) {
        return lastErrors.get(job);
    }

    private RunSummary runOnce(ScheduledJob job) {
        long started = System.nanoTime();
        try (VerifyContext context = VerifyPreparation.prepare(job.spec())) {
            List<Phase> phases = List.of(new Phase("connect, discover tables", (System.nanoTime() - started) / 1_000_000));
            JobExecution execution = launcher.run(context);
            String error = execution.getStatus() == BatchStatus.COMPLETED ? null
                    : VerifyLauncher.failureOf(execution).getMessage();
            RunReporter.Written written = RunReporter.of(store, context).warningsTo(log)
                    .write(execution, error, reportDir, context.throttle().pausedMillis(), phases);
            metrics.recordRun(job.name(), written.summary(), Duration.ofNanos(System.nanoTime() - started));
            log.accept("job " + job.name() + " run " + written.summary().runId() + ": " + written.summary().verdict()
                    + ", report " + written.dir().resolve("report.html"));
            if (error != null) {
                lastErrors.put(job.name(), error);
            }
            return written.summary();
        }
    }
}
