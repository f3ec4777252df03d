package io.parity.serve;

import io.parity.report.SummaryAssembler;
import io.parity.report.TableSummary;
import io.parity.store.RunStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job's runs read back from the job repository and the run store, so the page shows the same history after a
 * restart of the service and includes runs started by {@code parity verify} with the same job name. Counts come from
 * {@link SummaryAssembler}, as in the run's report. A reported run never changes, so it is read once and cached.
 */
public final class RunHistory {

    private final JobRepository repository;
    private final RunStore store;
    private final Path reportDir;
    private final Map<Long, RunEntry> finished = new ConcurrentHashMap<>();

    public RunHistory(JobRepository repository, RunStore store, Path reportDir) {
        this.repository = repository;
        this.store = store;
        this.reportDir = reportDir;
    }

    /** The job's latest runs, newest first. */
    public List<RunEntry> runs(String job, int limit) {
        List<RunEntry> runs = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(job, 0, limit)) {
            RunEntry cached = finished.get(instance.getInstanceId());
            if (cached != null) {
                runs.add(cached);
                continue;
            }
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null) {
                RunEntry entry = entry(job, instance.getInstanceId(), last);
                if (entry.report() != null) { // the report is written just after the run ends; read again until then
                    finished.put(entry.runId(), entry);
                }
                runs.add(entry);
            }
        }
        return runs;
    }

    private RunEntry entry(String job, long runId, JobExecution last) {
        if (last.getStatus().isRunning()) {
            return new RunEntry(runId, last.getStatus().name(), "running", instant(last.getStartTime()), null, 0, 0, 0,
                    0, 0, 0, 0, null);
        }
        List<TableSummary> tables = SummaryAssembler.tables(store.tables(runId), store.diffs(runId), store.shardRows(runId));
        String verdict = SummaryAssembler.verdict(tables, last.getStatus() == BatchStatus.COMPLETED).label();
        long missing = tables.stream().mapToLong(TableSummary::missing).sum();
        long extra = tables.stream().mapToLong(TableSummary::extra).sum();
        long changed = tables.stream().mapToLong(TableSummary::changed).sum();
        long schema = tables.stream().mapToLong(t -> t.schemaFindings().size()).sum();
        Path html = reportDir.resolve(job).resolve(Long.toString(runId)).resolve("report.html");
        String report = Files.exists(html) ? "/reports/" + job + "/" + runId + "/report.html" : null;
        return new RunEntry(runId, last.getStatus().name(), verdict, instant(last.getStartTime()), millis(last),
                tables.stream().mapToLong(TableSummary::sourceRows).sum(),
                tables.stream().mapToLong(TableSummary::chunks).sum(), missing, extra, changed, schema,
                missing + extra + changed + schema, report);
    }

    private static Long millis(JobExecution e) {
        return e.getStartTime() == null || e.getEndTime() == null ? null
                : Duration.between(e.getStartTime(), e.getEndTime()).toMillis();
    }

    /** Spring Batch records times as local date-times in the JVM's zone. */
    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toInstant();
    }
}
