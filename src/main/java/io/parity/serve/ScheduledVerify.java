package io.parity.serve;

import io.parity.batch.VerifyLauncher;
import io.parity.connect.ReplicaLag;
import io.parity.report.Phase;
import io.parity.report.RunSummary;
import io.parity.run.VerifyRun;
import io.parity.run.VerifyUseCase;
import io.parity.store.RunStore;
import io.parity.verify.VerifyContext;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One verify run of a scheduled job, the way {@code parity verify --job} does it (prepare, launch, report), so a
 * scheduled run's repository records and report files are the same as a manual one's.
 */
final class ScheduledVerify {

    private final VerifyUseCase verify;
    private final Path reportDir;
    private final Consumer<String> log;
    private final java.util.function.BiConsumer<String, Long> replicaLag;

    ScheduledVerify(VerifyLauncher launcher, RunStore store, Path reportDir, Consumer<String> log) {
        this(launcher, store, reportDir, log, (job, lag) -> { });
    }

    ScheduledVerify(VerifyLauncher launcher, RunStore store, Path reportDir, Consumer<String> log,
                    java.util.function.BiConsumer<String, Long> replicaLag) {
        this.verify = new VerifyUseCase(launcher, store);
        this.reportDir = reportDir;
        this.log = log;
        this.replicaLag = replicaLag;
    }

    /** The run's summary; an incomplete run has a verdict of incomplete and its error in {@link RunSummary#error()}. */
    RunSummary run(ScheduledJob job) {
        long started = System.nanoTime();
        try (VerifyContext context = VerifyUseCase.prepare(job.spec())) {
            List<Phase> phases = List.of(new Phase("connect, discover tables", (System.nanoTime() - started) / 1_000_000));
            VerifyRun run = verify.launchAndReport(context, null,
                    VerifyUseCase.Request.to(reportDir).withPhases(phases).warningsTo(log));
            ReplicaLag.secondsBehind(context.destination()).ifPresent(lag -> replicaLag.accept(job.name(), lag));
            log.accept("job " + job.name() + " run " + run.runId() + ": " + run.summary().verdict()
                    + ", report " + run.reportDir().resolve("report.html"));
            return run.summary();
        }
    }
}
