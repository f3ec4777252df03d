package io.parity.batch;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers the job execution this process is running, so that a SIGTERM handler can ask Spring Batch to stop it
 * gracefully (current chunks finish, the run stays restartable) instead of the JVM dying mid-chunk.
 */
@Component
public class RunningExecutions implements JobExecutionListener {

    private final AtomicReference<JobExecution> current = new AtomicReference<>();

    @Override
    public void beforeJob(JobExecution execution) {
        current.set(execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        current.compareAndSet(execution, null);
    }

    public Optional<JobExecution> current() {
        return Optional.ofNullable(current.get());
    }
}
