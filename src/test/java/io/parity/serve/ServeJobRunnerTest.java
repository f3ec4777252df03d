package io.parity.serve;

import io.parity.core.ParityException;
import io.parity.report.RunSummary;
import io.parity.report.TableSummary;
import io.parity.spec.JobSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-run-per-job guard, failure memory and meters of {@link JobRunner}, with a stand-in for the verify run. */
class ServeJobRunnerTest {

    static final ScheduledJob JOB = new ScheduledJob(new JobSpec("shop", Path.of("jobs/shop.yml"), "0".repeat(64), null,
            null, List.of(), null, null), "*/2 * * * * *");

    static RunSummary summary(long missing, long changed, String error) {
        TableSummary t = new TableSummary("s.t", "s.t", missing + changed > 0 ? "differences" : "consistent",
                List.of("id"), 1000, 1000 - missing, 4, 1, missing, 0, changed, 0, List.of(), 5);
        return new RunSummary(1, "0.1.0", "shop", 7, error != null ? "incomplete" : missing + changed > 0 ? "differences"
                : "consistent", null, null, "a", "b", "f", "0".repeat(64), "sha1", 0, null, List.of(t), error);
    }

    @Test
    void aRunDueWhileTheJobRunsIsSkippedAndCounted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServeMetrics metrics = new ServeMetrics();
        JobRunner runner = new JobRunner(job -> {
            entered.countDown();
            await(release);
            return summary(2, 1, null);
        }, metrics, line -> { });
        CompletableFuture<Optional<RunSummary>> first = CompletableFuture.supplyAsync(() -> runner.run(JOB));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.isRunning("shop")).isTrue();

        assertThat(runner.run(JOB)).isEmpty();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).map(RunSummary::runId).hasValue(7L);
        assertThat(runner.isRunning("shop")).isFalse();
        String scrape = metrics.scrape();
        assertThat(scrape).contains("parity_runs_skipped_total{job=\"shop\"} 1.0")
                .contains("parity_differences_total{job=\"shop\",kind=\"missing\"} 2.0")
                .contains("parity_differences_total{job=\"shop\",kind=\"changed\"} 1.0")
                .contains("parity_rows_verified_total{job=\"shop\"} 1000.0").contains("parity_chunks_total{job=\"shop\"} 4.0")
                .contains("parity_last_differences{job=\"shop\"} 3.0")
                .contains("parity_run_duration_seconds_count{job=\"shop\",verdict=\"differences\"} 1");
    }

    @Test
    void aFailedRunIsRememberedUntilTheNextGoodOne() {
        ServeMetrics metrics = new ServeMetrics();
        List<Object> outcomes = new java.util.ArrayList<>(List.of(
                ParityException.badInput("source: cannot connect to 10.0.0.1:3306"), summary(0, 0, null)));
        JobRunner runner = new JobRunner(job -> {
            Object next = outcomes.remove(0);
            if (next instanceof ParityException e) {
                throw e;
            }
            return (RunSummary) next;
        }, metrics, line -> { });

        assertThat(runner.run(JOB)).isEmpty();
        assertThat(runner.lastError("shop")).isEqualTo("source: cannot connect to 10.0.0.1:3306");
        assertThat(metrics.scrape()).contains("parity_runs_failed_total{job=\"shop\"} 1.0");

        assertThat(runner.run(JOB)).isPresent();
        assertThat(runner.lastError("shop")).isNull();
        assertThat(runner.isRunning("shop")).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
