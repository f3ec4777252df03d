package io.parity.report;

import io.parity.config.JobSpec;
import io.parity.store.RunStore;
import io.parity.store.StoredDiff;
import org.springframework.batch.core.job.JobExecution;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds a run's summary from what the run store recorded and writes its report files. Used after a verify, a
 * restart and a recheck alike, so every path produces the same report for the same results.
 *
 * @param source      engine and URL of the source, for the report
 * @param destination engine and URL of the destination
 * @param hash        the row hash used
 */
public record RunReporter(RunStore store, JobSpec spec, String source, String destination, String hash) {

    /** A reporter that describes both sides as the run's context connected to them. */
    public static RunReporter of(RunStore store, io.parity.verify.VerifyContext context) {
        JobSpec spec = context.spec();
        return new RunReporter(store, spec, context.source().dialect().describe() + " " + spec.source().safeUrl(),
                context.destination().dialect().describe() + " " + spec.destination().safeUrl(), context.hash().specName());
    }

    /** The summary and the written report directory. */
    public record Written(RunSummary summary, Path dir) {
    }

    /** Spring Batch records times as local date-times in the JVM's zone. */
    private static java.time.Instant instant(java.time.LocalDateTime t) {
        return t == null ? null : t.atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    public Written write(JobExecution execution, String error, Path reportBase, long pausedMillis) {
        long runId = execution.getJobInstance().getInstanceId();
        List<StoredDiff> diffs = store.diffs(runId);
        List<TableSummary> tables = SummaryAssembler.tables(store.tables(runId), diffs);
        Verdict verdict = SummaryAssembler.verdict(tables, error == null);
        RunSummary summary = new RunSummary(RunSummary.SCHEMA_VERSION, io.parity.cli.ParityVersion.get(), spec.name(),
                runId, verdict.label(),
                instant(execution.getStartTime()), instant(execution.getEndTime()),
                source, destination, spec.file().toString(), spec.sha256(), hash, pausedMillis, tables, error);
        List<StoredDiff> confirmed = diffs.stream().filter(StoredDiff::confirmed).toList();
        Path dir = new ReportWriter().write(reportBase.resolve(spec.name()).resolve(Long.toString(runId)), summary, confirmed);
        return new Written(summary, dir);
    }
}
