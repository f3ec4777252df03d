package io.parity.serve;

import io.parity.core.ParityException;
import io.parity.report.RunSummary;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs scheduled jobs, at most one run per job at a time: a run that comes due while the previous one is still going
 * is skipped and counted, not queued, because queued runs of a slow job would pile up without bound. A failed run is
 * remembered for the page and counted; the service itself keeps going.
 */
public final class JobRunner {

    private final Function<ScheduledJob, RunSummary> verify;
    private final ServeMetrics metrics;
    private final Consumer<String> log;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();

    /** @param verify one run of a job to its report (see {@link ScheduledVerify}) */
    public JobRunner(Function<ScheduledJob, RunSummary> verify, ServeMetrics metrics, Consumer<String> log) {
        this.verify = verify;
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
            long started = System.nanoTime();
            RunSummary summary = verify.apply(job);
            metrics.recordRun(job.name(), summary, Duration.ofNanos(System.nanoTime() - started));
            if (summary.error() == null) {
                lastErrors.remove(job.name());
            } else {
                lastErrors.put(job.name(), summary.error());
            }
            return Optional.of(summary);
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
}
