package io.parity.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parity.report.RunSummary;
import io.parity.report.TableSummary;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters a scheduled check feeds, scraped in Prometheus text format. Counters add up over the service's life (rate
 * them); the {@code parity_last_*} gauges hold the latest run's values, which is what an alert on "the destination
 * drifted" wants. {@code parity_replication_lag_seconds} is the destination's own replica delay
 * ({@code SHOW REPLICA STATUS}, the lag gate's native measurement), sampled after each run where the destination is a
 * replica; stopped replication shows as -1.
 */
public final class ServeMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicLong> lastDifferences = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> replicaLag = new ConcurrentHashMap<>();

    /** Registers the per-job gauges up front so a job shows in the scrape before its first run. */
    public void register(String job) {
        gauge("parity.last.differences", "Row differences plus schema findings of the job's latest run", job, lastDifferences);
        gauge("parity.last.run.end", "Epoch seconds when the job's latest run ended", job, lastSuccess);
    }

    public void recordRun(String job, RunSummary summary, Duration duration) {
        register(job);
        long rows = summary.tables().stream().mapToLong(TableSummary::sourceRows).sum();
        long chunks = summary.tables().stream().mapToLong(TableSummary::chunks).sum();
        counter("parity.rows.verified", "Source rows compared", job).increment(rows);
        counter("parity.chunks", "Key-range chunks checksummed", job).increment(chunks);
        difference(job, "missing", summary.tables().stream().mapToLong(TableSummary::missing).sum());
        difference(job, "extra", summary.tables().stream().mapToLong(TableSummary::extra).sum());
        difference(job, "changed", summary.tables().stream().mapToLong(TableSummary::changed).sum());
        difference(job, "schema", summary.schemaFindings());
        Timer.builder("parity.run.duration").description("Wall time of a scheduled run, connecting to report")
                .tag("job", job).tag("verdict", summary.verdict()).register(registry).record(duration);
        lastDifferences.get(job).set(summary.rowDifferences() + summary.schemaFindings());
        lastSuccess.get(job).set(System.currentTimeMillis() / 1000);
    }

    /** The destination's replica delay in seconds, {@link Long#MAX_VALUE} when its replication is stopped. */
    public void recordReplicaLag(String job, long seconds) {
        gauge("parity.replication.lag.seconds", "The destination's replica delay behind its source (-1: stopped)", job,
                replicaLag);
        replicaLag.get(job).set(seconds == Long.MAX_VALUE ? -1 : seconds);
    }

    /** A run that could not start or report (unreachable database, bad credentials): no results to count. */
    public void recordFailure(String job) {
        counter("parity.runs.failed", "Scheduled runs that ended with an error before a verdict", job).increment();
    }

    /** A run that was due while the previous run of the same job was still going. */
    public void recordSkipped(String job) {
        counter("parity.runs.skipped", "Scheduled runs skipped because the job was still running", job).increment();
    }

    public String scrape() {
        return registry.scrape();
    }

    private void difference(String job, String kind, long count) {
        Counter.builder("parity.differences").description("Confirmed differences by kind").tag("job", job)
                .tag("kind", kind).register(registry).increment(count);
    }

    private Counter counter(String name, String description, String job) {
        return Counter.builder(name).description(description).tag("job", job).register(registry);
    }

    private void gauge(String name, String description, String job, Map<String, AtomicLong> values) {
        AtomicLong value = values.computeIfAbsent(job, j -> new AtomicLong());
        Gauge.builder(name, value, AtomicLong::doubleValue).description(description).tag("job", job).register(registry);
    }
}
