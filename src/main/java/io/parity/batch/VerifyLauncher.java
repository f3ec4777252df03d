package io.parity.batch;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.verify.VerifyContext;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Starts (or restarts) a verify run in the calling thread and returns its finished execution. */
@Component
public class VerifyLauncher {

    private final JobOperator operator;
    private final VerifyJobFactory factory;
    private final VerifyContexts contexts;

    public VerifyLauncher(JobOperator operator, VerifyJobFactory factory, VerifyContexts contexts) {
        this.operator = operator;
        this.factory = factory;
        this.contexts = contexts;
    }

    public JobExecution run(VerifyContext context) {
        JobParameters params = new JobParametersBuilder()
                .addString(VerifyContexts.KEY, context.spec().sha256(), true)
                .addString("run.started", Instant.now().toString(), true)
                .addString(VerifyContexts.SPEC_PATH, context.spec().file().toAbsolutePath().toString(), false)
                .toJobParameters();
        return launch(context, params);
    }

    /**
     * Runs a failed or stopped run again as a new execution of the same job instance: same identifying parameters,
     * so Spring Batch skips the plan step and every partition that completed, and resumes the others from their last
     * committed chunk.
     */
    public JobExecution restart(VerifyContext context, JobExecution last) {
        JobParameters params = new JobParametersBuilder(last.getJobParameters())
                .addString(VerifyContexts.SPEC_PATH, context.spec().file().toAbsolutePath().toString(), false)
                .toJobParameters();
        return launch(context, params);
    }

    private JobExecution launch(VerifyContext context, JobParameters params) {
        contexts.register(context.spec().sha256(), context);
        try {
            return operator.start(factory.create(context), params);
        } catch (Exception e) {
            throw new ParityException(Failure.INCOMPLETE, "cannot start the verify job: " + e.getMessage(), e);
        } finally {
            contexts.remove(context.spec().sha256());
        }
    }

    /** The first Parity failure behind a failed execution, else a generic one naming the cause. */
    public static ParityException failureOf(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof ParityException p) {
                    return p;
                }
            }
        }
        String detail = execution.getAllFailureExceptions().stream().findFirst().map(Throwable::toString)
                .orElse("status " + execution.getStatus());
        return new ParityException(Failure.INCOMPLETE, "the run did not complete: " + detail);
    }
}
