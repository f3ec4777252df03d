package io.parity.cli;

import io.parity.error.ParityException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** Finds a recorded run by id, or the latest run of a job, and insists that it completed (or, to restart, that it did not). */
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

    /** The last execution of a run that failed or was stopped, so that it can be restarted where it stopped. */
    static JobExecution restartableRun(JobRepository repository, long runId) {
        JobInstance instance = repository.getJobInstance(runId);
        if (instance == null) {
            throw ParityException.badInput("run " + runId + " is not in the job repository; check --restart (and --repository-url)");
        }
        JobExecution last = repository.getLastJobExecution(instance);
        if (last == null) {
            throw ParityException.badInput("run " + runId + " has no execution to restart; start a new run with --job");
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw ParityException.badInput("run " + runId + " already completed; nothing to restart");
        }
        if (last.getStatus().isRunning()) {
            throw ParityException.badInput("run " + runId + " is still " + last.getStatus() + "; wait for it to end"
                    + " (a run whose manager died must be marked failed before it can be restarted)");
        }
        if (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED) {
            throw ParityException.badInput("run " + runId + " is " + last.getStatus() + " and cannot be restarted");
        }
        return last;
    }
}
