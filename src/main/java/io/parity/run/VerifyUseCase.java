package io.parity.run;

import io.parity.batch.VerifyLauncher;
import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.report.Phase;
import io.parity.report.RunReporter;
import io.parity.spec.JobSpec;
import io.parity.store.RunStore;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one way a verify run happens: <b>prepare</b> (connect both sides, choose where and how rows are hashed, resolve
 * the tables; every bad input fails here, before anything is written), <b>launch</b> (the Spring Batch job, a new run
 * or a restart, its partitions on local threads or on workers when the runtime is a manager), <b>report</b> (the
 * summary from the run store and the report files). {@code parity verify}, {@code parity serve}, the cutover's
 * {@code consistent} gate and the remote manager all come through here, so every run is recorded and reported alike.
 *
 * <p>{@link #prepare} needs no Spring context: commands prepare first and start the job repository only for a spec
 * that can run.
 */
public final class VerifyUseCase {

    /** Where the report goes and what the caller wants to hear while the run is reported. */
    public record Request(Path reportDir, List<Phase> phases, Consumer<String> warnings, Runnable launched) {

        public Request {
            phases = List.copyOf(phases);
        }

        public static Request to(Path reportDir) {
            return new Request(reportDir, List.of(), w -> { }, () -> { });
        }

        public Request withPhases(List<Phase> earlier) {
            return new Request(reportDir, earlier, warnings, launched);
        }

        public Request warningsTo(Consumer<String> sink) {
            return new Request(reportDir, phases, sink, launched);
        }

        /** Runs {@code r} once the job has ended, before the report is written (a progress bar finishes here). */
        public Request whenLaunched(Runnable r) {
            return new Request(reportDir, phases, warnings, r);
        }
    }

    private final VerifyLauncher launcher;
    private final RunStore store;

    public VerifyUseCase(VerifyLauncher launcher, RunStore store) {
        this.launcher = launcher;
        this.store = store;
    }

    /** Connects, plans hashing and resolves the tables of {@code spec}; the caller closes the context. */
    public static VerifyContext prepare(JobSpec spec) {
        return VerifyPreparation.prepare(spec);
    }

    /** All three steps in the calling thread, for a new run of {@code spec}. */
    public VerifyRun run(JobSpec spec, Request request) {
        long started = System.nanoTime();
        try (VerifyContext context = prepare(spec)) {
            List<Phase> phases = new ArrayList<>(request.phases());
            phases.add(new Phase("connect, discover tables", (System.nanoTime() - started) / 1_000_000));
            return launchAndReport(context, null, request.withPhases(phases));
        }
    }

    /** Launches a new run, or restarts {@code restartOf} when given, then reports it. */
    public VerifyRun launchAndReport(VerifyContext context, JobExecution restartOf, Request request) {
        JobExecution execution;
        try {
            execution = restartOf == null ? launcher.run(context) : launcher.restart(context, restartOf);
        } finally {
            request.launched().run();
        }
        ParityException failure = failureOf(execution);
        RunReporter.Written written = RunReporter.of(store, context).warningsTo(request.warnings())
                .write(execution, failure == null ? null : failure.getMessage(), request.reportDir(),
                        context.throttle().pausedMillis(), request.phases());
        return new VerifyRun(execution, written.summary(), written.dir(), failure);
    }

    /** Null for a completed run; for a stopped one, how to continue it; else the first Parity failure behind it. */
    static ParityException failureOf(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return null;
        }
        long runId = execution.getJobInstance().getInstanceId();
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new ParityException(Failure.INCOMPLETE, "run " + runId + " was stopped; 'parity verify --restart "
                    + runId + "' continues it");
        }
        return VerifyLauncher.failureOf(execution);
    }
}
