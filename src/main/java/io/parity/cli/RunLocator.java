package io.parity.cli;

import io.parity.error.ParityException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** Finds a recorded run by id, or the latest run of a job, and insists that it completed. */
final class RunLocator {

    private RunLocator() {
    }

    static JobExecution completedRun(JobRepository repository, Long runId, String jobName) {
        JobInstance instance = runId != null ? repository.getJobInstance(runId) : repository.getLastJobInstance(jobName);
        if (instance == null) {
            throw ParityException.badInput(runId != null
                    ? "run " + runId + " is not in the job repository; check --run (and --repository-url)"
                    : "job '" + jobName + "' has no runs in the job repository; run 'parity verify --job ...' first");
        }
        JobExecution last = repository.getLastJobExecution(instance);
        if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
            throw ParityException.badInput("run " + instance.getInstanceId() + " did not complete ("
                    + (last == null ? "no execution" : last.getStatus()) + "); repair needs a completed verify run");
        }
        return last;
    }
}
