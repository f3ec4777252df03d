package io.parity.run;

import io.parity.core.ParityException;
import io.parity.report.RunSummary;
import org.springframework.batch.core.job.JobExecution;

import java.nio.file.Path;

/**
 * A verify run as it ended: the execution, its summary and report directory, and the failure that kept it from
 * completing (null when it completed; a completed run's verdict is in the summary).
 */
public record VerifyRun(JobExecution execution, RunSummary summary, Path reportDir, ParityException failure) {

    public long runId() {
        return execution.getJobInstance().getInstanceId();
    }

    public boolean completed() {
        return failure == null;
    }
}
