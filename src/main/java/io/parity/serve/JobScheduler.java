package io.parity.serve;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Fires each job on its cron schedule, one thread per job so a slow job does not delay the others. Spring's cron
 * trigger computes the next time only after a run returns, and {@link JobRunner} refuses a second concurrent run, so
 * a job never overlaps itself.
 */
public final class JobScheduler implements AutoCloseable {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    public JobScheduler(List<ScheduledJob> jobs, JobRunner runner) {
        scheduler.setPoolSize(Math.max(1, jobs.size()));
        scheduler.setThreadNamePrefix("parity-serve-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(60);
        scheduler.initialize();
        // the next cron firing is a delayed task already queued: without this it would still start a run after SIGTERM
        scheduler.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        for (ScheduledJob job : jobs) {
            scheduler.schedule(() -> runner.run(job), new CronTrigger(job.schedule()));
        }
    }

    /** When the job is next due by its schedule. */
    public static Instant next(ScheduledJob job) {
        ZonedDateTime next = CronExpression.parse(job.schedule()).next(ZonedDateTime.now());
        return next == null ? null : next.toInstant();
    }

    /** Stops firing and waits (up to a minute) for runs in progress to write their reports. */
    @Override
    public void close() {
        scheduler.shutdown();
    }
}
