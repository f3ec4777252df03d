package io.parity.report;

import io.parity.core.ParityException;
import io.parity.schema.TablePlan;
import io.parity.spec.JobSpec;
import io.parity.store.RunStore;
import io.parity.store.StoredDiff;
import io.parity.verify.VerifyContext;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a run's summary from what the run store recorded and writes its report files (with the HTML report's
 * details: chunk outcomes, sample rows read fresh, phase timings, the redacted spec). Used after a verify, a restart,
 * a recheck and the cutover's consistent gate alike, so every path produces the same report for the same results.
 */
public final class RunReporter {

    /** The summary and the written report directory. */
    public record Written(RunSummary summary, Path dir) {
    }

    private final RunStore store;
    private final VerifyContext context;
    private final Consumer<String> warnings;

    private RunReporter(RunStore store, VerifyContext context, Consumer<String> warnings) {
        this.store = store;
        this.context = context;
        this.warnings = warnings;
    }

    public static RunReporter of(RunStore store, VerifyContext context) {
        return new RunReporter(store, context, w -> { });
    }

    public RunReporter warningsTo(Consumer<String> sink) {
        return new RunReporter(store, context, sink);
    }

    public Written write(JobExecution execution, String error, Path reportBase, long pausedMillis) {
        return write(execution, error, reportBase, pausedMillis, List.of());
    }

    /**
     * One side as the summary names it: engine and URL, or for a sharded side each shard by name, engine and URL
     * ({@code 2 shards: even PostgreSQL 15 jdbc:…; odd …}).
     */
    private String describe(io.parity.core.Side side, io.parity.connect.SideConnection connection,
                            io.parity.spec.Endpoint endpoint) {
        if (context.shards().isEmpty() || context.shards().get().side() != side) {
            return connection.engine().describe() + " " + endpoint.safeUrl();
        }
        List<String> shards = new ArrayList<>();
        List<io.parity.spec.ShardLayout.ShardEndpoint> declared = context.spec().shards().shards();
        for (int i = 0; i < declared.size(); i++) {
            shards.add(declared.get(i).name() + " " + context.shards().get().connections().get(i).engine().describe()
                    + " " + declared.get(i).endpoint().safeUrl());
        }
        return shards.size() + " shards: " + String.join("; ", shards);
    }

    /** @param earlierPhases phases before the job ran (connecting, discovery), for the report's timings */
    public Written write(JobExecution execution, String error, Path reportBase, long pausedMillis, List<Phase> earlierPhases) {
        JobSpec spec = context.spec();
        long runId = execution.getJobInstance().getInstanceId();
        List<StoredDiff> diffs = store.diffs(runId);
        List<TableSummary> tables = SummaryAssembler.tables(store.tables(runId), diffs, store.shardRows(runId));
        Verdict verdict = SummaryAssembler.verdict(tables, error == null);
        RunSummary summary = new RunSummary(RunSummary.SCHEMA_VERSION, io.parity.core.ParityVersion.get(), spec.name(),
                runId, verdict.label(), instant(execution.getStartTime()), instant(execution.getEndTime()),
                describe(io.parity.core.Side.SOURCE, context.source(), spec.source()),
                describe(io.parity.core.Side.DESTINATION, context.destination(), spec.destination()),
                spec.file().toString(), spec.sha256(), context.hash().specName(), pausedMillis,
                new RunSummary.InFlight(context.consistency().mode().label(), context.consistency().detail(),
                        context.recheckWaitMillis()), tables, error, context.checksummer().describeHashing()
                        + context.describeParallelism().map(p -> "; " + p).orElse(""));
        List<StoredDiff> confirmed = diffs.stream().filter(StoredDiff::confirmed).toList();
        List<Phase> phases = new ArrayList<>(earlierPhases);
        phases.addAll(stepPhases(execution));
        ReportMask mask = ReportMask.of(spec.report(), context.plans());
        ReportDetails details = new ReportDetails(store.chunks(runId), samples(confirmed, mask), phases,
                SpecRedaction.redact(specText(spec.file())));
        Path dir = new ReportWriter().write(reportBase.resolve(spec.name()).resolve(Long.toString(runId)), summary,
                confirmed, details, mask);
        audit(dir, summary, details.redactedSpec());
        return new Written(summary, dir);
    }

    private static final java.util.concurrent.Executor SNAPSHOTS = r -> {
        Thread t = new Thread(r, "parity-snapshot");
        t.setDaemon(true);
        t.start();
    };

    /** The audit bundle, written last so that it holds the sha256 of every report file. */
    private void audit(Path dir, RunSummary summary, String redactedSpec) {
        List<io.parity.connect.ServerSnapshot> start = context.sidesAtStart();
        List<io.parity.connect.SideConnection> servers = context.audited();
        List<io.parity.audit.AuditBundle.Side> sides = new ArrayList<>();
        // every server's snapshot at once: a few round trips each, on the way to the exit
        List<java.util.concurrent.CompletableFuture<io.parity.connect.ServerSnapshot>> ends = servers.stream()
                .map(server -> java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> io.parity.connect.ServerSnapshot.take(server), SNAPSHOTS))
                .toList();
        for (int i = 0; i < servers.size(); i++) {
            sides.add(io.parity.audit.AuditWriter.side(start.get(i), ends.get(i).join()));
        }
        try {
            io.parity.audit.AuditWriter.write(dir, new io.parity.audit.AuditWriter.Run("verify", summary.job(),
                    summary.runId(), summary.specFile(), summary.specSha256(), redactedSpec, summary.started(),
                    summary.ended(), sides));
        } catch (java.io.IOException e) {
            throw new io.parity.core.ParityException(io.parity.core.Failure.INCOMPLETE, "cannot write the audit"
                    + " bundle to " + dir + " (" + e.getMessage() + "); choose a writable --report-dir", e);
        }
    }

    /** Spring Batch records times as local date-times in the JVM's zone. */
    private static java.time.Instant instant(java.time.LocalDateTime t) {
        return t == null ? null : t.atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    /** The plan, verify and recheck steps' wall times, from the job repository. */
    private static List<Phase> stepPhases(JobExecution execution) {
        List<Phase> phases = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStartTime() == null || step.getEndTime() == null) {
                continue;
            }
            String label = switch (step.getStepName()) {
                case "plan" -> "plan: record table plans";
                case "verify" -> "verify: checksum and reconcile all chunks";
                case "recheck" -> "recheck: re-read differences after the delay";
                default -> null;
            };
            if (label != null) {
                phases.add(new Phase(label, Duration.between(step.getStartTime(), step.getEndTime()).toMillis()));
            }
        }
        return phases;
    }

    /** Sample rows read fresh and masked as the spec says; when the servers cannot be read any more (the run failed), the report goes without. */
    private List<SampleRow> samples(List<StoredDiff> diffs, ReportMask mask) {
        Map<String, TablePlan> plans = new LinkedHashMap<>();
        context.plans().forEach(p -> plans.put(p.id(), p));
        if (!mask.showsValues()) {
            return SampleReader.keysOnly(plans, diffs, mask); // no value is read, so none can be shown
        }
        try {
            return new SampleReader(context.source(), context.destination(), context.shards().orElse(null))
                    .read(plans, diffs, mask);
        } catch (ParityException e) {
            warnings.accept("the report has no sample rows: " + e.getMessage());
            return List.of();
        }
    }

    private static String specText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
