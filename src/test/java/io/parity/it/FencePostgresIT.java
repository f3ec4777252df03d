package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static io.parity.it.PostgresPair.PRIMARY;
import static io.parity.it.PostgresPair.STANDBY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LSN fencing on the real PostgreSQL pair (5433 streaming to 5434): with the standby's replay paused, a change on the
 * primary is "in flight". Without the fence verify reports it; with the fence, verify waits until the standby has
 * replayed the primary's WAL position and then finds the tables equal, or ends incomplete when it never does.
 */
class FencePostgresIT {

    static final String DB = "pit_pg_fence";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        PostgresPair.start();
        PostgresPair.recreate(DB);
        PostgresPair.execute(PRIMARY, DB, "CREATE TABLE t (id int PRIMARY KEY, v int)",
                "INSERT INTO t SELECT g, g FROM generate_series(1, 5000) g");
        PostgresPair.awaitReplayed();
    }

    @AfterEach
    void resume() {
        PostgresPair.resumeReplay();
        PostgresPair.awaitReplayed();
    }

    static Path spec(String name, String options) {
        return PostgresPair.spec(dir, name, DB, STANDBY, "options:\n  recheck: { attempts: 0 }\n" + options);
    }

    @Test
    void theFenceWaitsForThePausedStandbyInsteadOfReportingAnInFlightChange() {
        PostgresPair.pauseReplay();
        PostgresPair.execute(PRIMARY, DB, "UPDATE t SET v = -1 WHERE id = 4242");

        CliRun unfenced = CliRun.run(dir.resolve("r1"), "verify", "--job", spec("unfenced", "").toString(),
                "--report-dir", dir.resolve("reports").toString());
        assertThat(unfenced.exitCode()).as(unfenced.out() + unfenced.err()).isEqualTo(1);
        assertThat(unfenced.out()).contains("1 rows differ");

        CompletableFuture<Void> resume = CompletableFuture.runAsync(() -> {
            PostgresPair.sleep(2000);
            PostgresPair.resumeReplay();
        });
        long start = System.nanoTime();
        CliRun fenced = CliRun.run(dir.resolve("r2"), "verify", "--job",
                spec("fenced", "  fence: lsn\n  fence-timeout: 30s\n").toString(), "--report-dir",
                dir.resolve("reports").toString());
        resume.join();
        assertThat(fenced.exitCode()).as(fenced.out() + fenced.err()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).as("waited for the standby").isGreaterThan(1500);
    }

    @Test
    void aStandbyThatDoesNotReplayEndsTheRunIncomplete() {
        PostgresPair.pauseReplay();
        PostgresPair.execute(PRIMARY, DB, "UPDATE t SET v = -2 WHERE id = 77");

        CliRun run = CliRun.run(dir.resolve("r3"), "verify", "--job",
                spec("stuck", "  fence: lsn\n  fence-timeout: 1s\n  retry: { attempts: 0 }\n").toString(),
                "--report-dir", dir.resolve("reports").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains("did not apply the source's WAL position");
    }

    /**
     * Default options see the standby (it shares the primary's system identifier) and fence by LSN: with replay held 2 s
     * behind and a writer updating the primary during the run, the tables are consistent with no row in flight, where
     * the same run without a fence reports rows.
     */
    @Test
    void defaultOptionsSeeTheStandbyAndFenceItUnderLoad() throws Exception {
        PostgresPair.execute(STANDBY, "postgres", "ALTER SYSTEM SET recovery_min_apply_delay = '2s'",
                "SELECT pg_reload_conf()");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = new Thread(() -> {
            java.util.Random random = new java.util.Random(3);
            try (java.sql.Connection c = PostgresPair.connect(PRIMARY, DB);
                 java.sql.PreparedStatement ps = c.prepareStatement("UPDATE t SET v = v + 1 WHERE id = ?")) {
                while (!stop.get()) {
                    ps.setInt(1, 1 + random.nextInt(5000));
                    ps.executeUpdate();
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        try {
            PostgresPair.sleep(3000);
            CliRun unfenced = CliRun.run(dir.resolve("r5"), "verify", "--job", PostgresPair.spec(dir, "nofence", DB,
                    STANDBY, "options: { fence: none, recheck: { attempts: 0 } }\n").toString(), "--report-dir",
                    dir.resolve("reports").toString());
            assertThat(unfenced.exitCode()).as(unfenced.out() + unfenced.err()).isEqualTo(1);

            CliRun auto = CliRun.run(dir.resolve("r4"), "verify", "--job", PostgresPair.spec(dir, "auto", DB, STANDBY,
                    "options: { chunk-rows: 1000 }\n").toString(), "--report-dir", dir.resolve("reports").toString());
            assertThat(auto.exitCode()).as(auto.out() + auto.err()).isZero();
            String summary = java.nio.file.Files.readString(dir.resolve("reports/auto/1/summary.json"));
            // rows written while the fence waited can be ahead on the standby when it is read; the fenced re-check
            // resolves them, so none is reported
            assertThat(summary).contains("\"mode\" : \"gtid-fence\"").contains("replicates from the source (system ")
                    .contains("\"verdict\" : \"consistent\"");
        } finally {
            stop.set(true);
            writer.join();
            PostgresPair.execute(STANDBY, "postgres", "ALTER SYSTEM RESET recovery_min_apply_delay",
                    "SELECT pg_reload_conf()");
        }
    }
}
