package io.parity.batch;

import io.parity.error.ParityException;
import io.parity.verify.VerifyContext;
import org.springframework.batch.core.job.JobExecution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the resolved {@link VerifyContext} of a run to the step-scoped components that Spring Batch creates per
 * partition. The CLI registers the context under the run's {@value #KEY} job parameter before it launches the job.
 */
public final class VerifyContexts {

    /** Job parameter naming the context; the spec's hash, so a restart with a changed spec finds no context. */
    public static final String KEY = "spec.sha256";

    private final Map<String, VerifyContext> contexts = new ConcurrentHashMap<>();

    public void register(String key, VerifyContext context) {
        contexts.put(key, context);
    }

    public void remove(String key) {
        contexts.remove(key);
    }

    public VerifyContext forExecution(JobExecution execution) {
        String key = execution.getJobParameters().getString(KEY);
        VerifyContext context = key == null ? null : contexts.get(key);
        if (context == null) {
            throw ParityException.badInput("no verification is prepared for run " + execution.getJobInstance().getInstanceId()
                    + "; start it with 'parity verify --job <spec>'");
        }
        return context;
    }
}
