package io.parity.run;

import io.parity.batch.VerifyLauncher;
import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.gate.VerifyOutcome;
import io.parity.gate.VerifyRuns;
import io.parity.report.SummaryAssembler;
import io.parity.report.TableSummary;
import io.parity.report.Verdict;
import io.parity.spec.JobSpec;
import io.parity.store.RunStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Verify runs for the {@code consistent} gate, through the same job, store and report files as {@code parity verify}:
 * a run started here is an ordinary verify run with its own id and report directory.
 */
public final class BatchVerifyRuns implements VerifyRuns {

    private final VerifyUseCase verify;
    private final RunStore store;
    private final JobRepository repository;
    private final Path reportDir;

    public BatchVerifyRuns(VerifyLauncher launcher, RunStore store, JobRepository repository, Path reportDir) {
        this.verify = new VerifyUseCase(launcher, store);
        this.store = store;
        this.repository = repository;
        this.reportDir = reportDir;
    }

    /**
     * Runs the verify job on a thread of its own: the cutover step calling this runs inside a (resourceless)
     * transaction, and Spring Batch refuses to launch a job from a thread with a transaction active.
     */
    @Override
    public VerifyOutcome runNow(JobSpec spec) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "parity-consistent-verify"));
        try {
            return thread.submit(() -> verify(spec)).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ParityException(Failure.INCOMPLETE, "the verify run failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParityException(Failure.INCOMPLETE, "interrupted while verifying", e);
        } finally {
            thread.shutdownNow();
        }
    }

    private VerifyOutcome verify(JobSpec spec) {
        return outcome(verify.run(spec, VerifyUseCase.Request.to(reportDir)).execution());
    }

    @Override
    public java.util.Map<String, java.util.List<io.parity.core.KeyValues>> differingKeys(long runId) {
        java.util.Map<String, java.util.List<io.parity.core.KeyValues>> keys = new java.util.LinkedHashMap<>();
        for (io.parity.store.StoredDiff d : store.diffs(runId)) {
            if (d.confirmed()) {
                keys.computeIfAbsent(d.tableId(), k -> new java.util.ArrayList<>()).add(d.key());
            }
        }
        return keys;
    }

    @Override
    public Optional<VerifyOutcome> latest(JobSpec spec) {
        for (JobInstance instance : repository.getJobInstances(spec.name(), 0, 50)) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return Optional.of(outcome(last));
            }
        }
        return Optional.empty();
    }

    private VerifyOutcome outcome(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        List<TableSummary> tables = SummaryAssembler.tables(store.tables(runId), store.diffs(runId), store.shardRows(runId));
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        Verdict verdict = SummaryAssembler.verdict(tables, completed);
        long rows = tables.stream().mapToLong(TableSummary::rowDifferences).sum();
        long findings = tables.stream().mapToLong(t -> t.schemaFindings().size()).sum();
        return new VerifyOutcome(runId, completed, rows, findings, instant(execution.getEndTime()), verdict.label(),
                reportDir.resolve(execution.getJobInstance().getJobName()).resolve(Long.toString(runId)));
    }

    /** Spring Batch records times as local date-times in the JVM's zone. */
    private static Instant instant(java.time.LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toInstant();
    }
}
