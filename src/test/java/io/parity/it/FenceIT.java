package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GTID fencing on the real replication pair (3307 -> 3308): with the replica's SQL thread stopped, a change on the
 * source is "in flight". Without the fence verify reports it; with the fence, verify waits until the destination has
 * applied the source's position and then finds the tables equal.
 */
class FenceIT {

    static final String DB = "pit_fence";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        ReplicationPair.start();
        ReplicationPair.execute(ReplicationPair.SOURCE, "DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB,
                "CREATE TABLE " + DB + ".t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO " + DB + ".t SELECT seq, seq FROM " + Numbers.upTo(5000));
        waitForReplica();
    }

    @AfterAll
    static void tearDown() {
        ReplicationPair.reset();
    }

    static void waitForReplica() throws Exception {
        for (int i = 0; i < 100; i++) {
            try (var c = ReplicationPair.connect(ReplicationPair.DESTINATION); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM " + DB + ".t")) {
                if (rs.next() && rs.getLong(1) == 5000) {
                    return;
                }
            } catch (Exception e) {
                // not there yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replica did not catch up");
    }

    static Path spec(String name, String options) throws Exception {
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, "name: " + name + "\nsource: {url: \"" + ReplicationPair.url(ReplicationPair.SOURCE, DB)
                + "\", user: root, password: \"\"}\ndestination: {url: \"" + ReplicationPair.url(ReplicationPair.DESTINATION, DB)
                + "\", user: root, password: \"\"}\ntables: [t]\noptions:\n  recheck: { attempts: 0 }\n" + options);
        return file;
    }

    @Test
    void theFenceWaitsForTheReplicaInsteadOfReportingAnInFlightChange() throws Exception {
        ReplicationPair.execute(ReplicationPair.DESTINATION, "STOP SLAVE SQL_THREAD");
        ReplicationPair.execute(ReplicationPair.SOURCE, "UPDATE " + DB + ".t SET v = -1 WHERE id = 4242");

        CliRun unfenced = CliRun.run(dir.resolve("r1"), "verify", "--job", spec("unfenced", "").toString(),
                "--report-dir", dir.resolve("reports").toString());
        assertThat(unfenced.exitCode()).as(unfenced.out() + unfenced.err()).isEqualTo(1);
        assertThat(unfenced.out()).contains("1 rows differ");

        CompletableFuture<Void> resume = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ReplicationPair.execute(ReplicationPair.DESTINATION, "START SLAVE SQL_THREAD");
        });
        long start = System.nanoTime();
        CliRun fenced = CliRun.run(dir.resolve("r2"), "verify", "--job",
                spec("fenced", "  fence: gtid\n  fence-timeout: 30s\n").toString(), "--report-dir", dir.resolve("reports").toString());
        resume.join();
        assertThat(fenced.exitCode()).as(fenced.out() + fenced.err()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).as("waited for the replica").isGreaterThan(1500);
    }

    @Test
    void aReplicaThatDoesNotCatchUpEndsTheRunIncomplete() throws Exception {
        ReplicationPair.execute(ReplicationPair.DESTINATION, "STOP SLAVE SQL_THREAD");
        try {
            ReplicationPair.execute(ReplicationPair.SOURCE, "UPDATE " + DB + ".t SET v = -2 WHERE id = 77");
            CliRun run = CliRun.run(dir.resolve("r3"), "verify", "--job",
                    spec("stuck", "  fence: gtid\n  fence-timeout: 1s\n  retry: { attempts: 0 }\n").toString(),
                    "--report-dir", dir.resolve("reports").toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.err()).contains("did not apply the source's GTID position");
        } finally {
            ReplicationPair.execute(ReplicationPair.DESTINATION, "START SLAVE SQL_THREAD");
            waitForReplica();
        }
    }
}
