package io.parity.cli;

import io.parity.core.ParityException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** Finds a recorded run by id, or the latest run of a job, and insists that it completed (or, to restart, that it did not). */
final class RunLocator {

    private RunLocator() {
    }

    /**
     * The last execution of a run that did not complete, ready to be restarted. An execution still marked as running
     * was left so by a process that died (kill -9, power loss): it is marked FAILED first, as Spring Batch's recover
     * does. Restarting assumes that process is gone.
     */
    static JobExecution restartableRun(JobRepository repository, org.springframework.batch.core.launch.JobOperator operator,
                                       long runId) {
        JobInstance instance = repository.getJobInstance(runId);
        if (instance == null) {
            throw ParityException.badInput("run " + runId + " is not in the job repository; check --restart (and"
                    + " --repository-url)");
        }
        JobExecution last = repository.getLastJobExecution(instance);
        if (last == null) {
            throw ParityException.badInput("run " + runId + " has no execution to restart");
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw ParityException.badInput("run " + runId + " already completed; there is nothing to restart"
                    + " (start a new run with 'parity verify --job ...')");
        }
        if (last.getStatus().isRunning()) {
            last = operator.recover(last);
        }
        return last;
    }

    /**
     * The spec a run was started with: the one given on the command line, or the file recorded with the run. Either
     * way its hash must equal the recorded one, since results of two different specs must not be mixed.
     */
    static io.parity.spec.JobSpec specOf(JobExecution run, io.parity.spec.JobSpec given, String whatFor) {
        long runId = run.getJobInstance().getInstanceId();
        io.parity.spec.JobSpec spec = given != null ? given : io.parity.spec.SpecLoader.fromSystemEnvironment()
                .load(java.nio.file.Path.of(run.getJobParameters().getString("spec.path")));
        if (!spec.sha256().equals(run.getJobParameters().getString("spec.sha256"))) {
            throw ParityException.badInput("spec " + spec.file() + " changed since run " + runId + " was started; "
                    + whatFor);
        }
        return spec;
    }

    /** The latest run of a job when it did not complete, for a hint; null otherwise. */
    static Long unfinishedRun(JobRepository repository, String jobName) {
        JobInstance instance = repository.getLastJobInstance(jobName);
        if (instance == null) {
            return null;
        }
        JobExecution last = repository.getLastJobExecution(instance);
        return last != null && last.getStatus() != BatchStatus.COMPLETED ? instance.getInstanceId() : null;
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
