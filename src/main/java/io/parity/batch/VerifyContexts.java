package io.parity.batch;

import io.parity.core.ParityException;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.springframework.batch.core.job.JobExecution;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Hands the resolved {@link VerifyContext} of a run to the step-scoped components that Spring Batch creates per
 * partition. The CLI registers the context under the run's {@value #KEY} job parameter before it launches the job.
 * A process that did not launch the run (a remote worker) rebuilds the context from the run's {@value #SPEC_PATH}
 * parameter, with secrets from its own environment, and keeps it for later partitions of the same spec.
 */
public final class VerifyContexts implements AutoCloseable {

    /** Job parameter naming the context; the spec's hash, so a restart with a changed spec finds no context. */
    public static final String KEY = "spec.sha256";
    /** Job parameter holding the spec file's absolute path; manager and workers must see the file at that path. */
    public static final String SPEC_PATH = "spec.path";

    private final Map<String, VerifyContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, VerifyContext> rebuilt = new ConcurrentHashMap<>();
    private final Function<Path, JobSpec> specs;

    public VerifyContexts() {
        this(file -> SpecLoader.fromSystemEnvironment().load(file));
    }

    VerifyContexts(Function<Path, JobSpec> specs) {
        this.specs = specs;
    }

    public void register(String key, VerifyContext context) {
        contexts.put(key, context);
    }

    public void remove(String key) {
        contexts.remove(key);
    }

    public VerifyContext forExecution(JobExecution execution) {
        String key = execution.getJobParameters().getString(KEY);
        String path = execution.getJobParameters().getString(SPEC_PATH);
        long runId = execution.getJobInstance().getInstanceId();
        if (key == null) {
            throw ParityException.badInput("run " + runId + " has no " + KEY + " parameter; it was not started by 'parity verify'");
        }
        VerifyContext context = contexts.get(key);
        if (context != null) {
            return context;
        }
        if (path == null) {
            throw ParityException.badInput("no verification is prepared for run " + runId
                    + "; start it with 'parity verify --job <spec>'");
        }
        return rebuilt.computeIfAbsent(key, k -> rebuild(k, Path.of(path), runId));
    }

    private VerifyContext rebuild(String key, Path file, long runId) {
        JobSpec spec = specs.apply(file);
        if (!spec.sha256().equals(key)) {
            throw ParityException.badInput("spec " + file + " differs from the one run " + runId + " was started with;"
                    + " give every worker the same spec file at the same path");
        }
        return VerifyPreparation.prepare(spec);
    }

    /** Closes the contexts this registry rebuilt; registered ones belong to whoever registered them. */
    @Override
    public void close() {
        rebuilt.values().forEach(VerifyContext::close);
        rebuilt.clear();
    }
}
