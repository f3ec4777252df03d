package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle watches the source's own replicas: the pair's source (3307) is verified against a copy on the test
 * server, and its replica (3308), found through {@code SHOW SLAVE HOSTS}, is watched. A stopped replica holds the run
 * for {@code stopped-replica-wait}, then the run ends with exit 3 naming it; a listed replica that cannot be reached is
 * warned about by name and the run goes on.
 */
class ThrottleReplicasIT {

    static final String DB = "pit_thr";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        ReplicationPair.start();
        ReplicationPair.execute(ReplicationPair.SOURCE, "DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB,
                "CREATE TABLE " + DB + ".t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO " + DB + ".t SELECT seq, seq FROM " + Numbers.upTo(3000));
        ReplicationPair.awaitCaughtUp();
        TestDatabase db = TestDatabase.get();
        db.recreate(DB);
        db.execute("USE " + DB, "CREATE TABLE t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO t SELECT seq, seq FROM " + Numbers.upTo(3000));
    }

    @AfterAll
    static void tearDown() {
        ReplicationPair.execute(ReplicationPair.SOURCE, "DROP DATABASE IF EXISTS " + DB);
        ReplicationPair.reset();
    }

    static Path spec(String name, String throttle) throws Exception {
        TestDatabase db = TestDatabase.get();
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, "name: " + name + "\nsource: {url: \"" + ReplicationPair.url(ReplicationPair.SOURCE, DB)
                + "\", user: root, password: \"\"}\ndestination: {url: \"" + db.url(DB) + "\", user: " + db.user()
                + ", password: \"" + db.password() + "\"}\ntables: [t]\noptions:\n  chunk-rows: 500\n  fence: none\n"
                + "  throttle: " + throttle + "\n");
        return file;
    }

    @Test
    void aStoppedReplicaOfTheSourceEndsTheRunAfterItsWait() throws Exception {
        ReplicationPair.execute(ReplicationPair.DESTINATION, "STOP SLAVE SQL_THREAD");
        try {
            long start = System.nanoTime();
            CliRun run = CliRun.run(dir.resolve("r1"), "verify", "--job",
                    spec("stopped", "{ replica-lag: 5s, stopped-replica-wait: 3s }")
                            .toString(), "--report-dir", dir.resolve("reports").toString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.err()).contains("source replica 127.0.0.1:" + ReplicationPair.DESTINATION + ": replication is stopped")
                    .contains("options.throttle.stopped-replica-wait");
            assertThat(millis).as("held for the wait, not forever").isBetween(3000L, 60_000L);
        } finally {
            ReplicationPair.execute(ReplicationPair.DESTINATION, "START SLAVE SQL_THREAD");
        }
        CliRun again = CliRun.run(dir.resolve("r2"), "verify", "--job",
                spec("running", "{ replica-lag: 5s, stopped-replica-wait: 3s }").toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    }

    /** In its own JVM, so the warning is read from the process's real stderr. */
    @Test
    void aListedReplicaThatCannotBeReachedIsNamedNotSilentlyDropped() throws Exception {
        Path log = dir.resolve("unreachable.log");
        Process p = ParityProcess.start(log, java.util.Map.of(), "verify", "--job",
                spec("unreachable", "{ replica-lag: 5s, replicas: [\"jdbc:mysql://127.0.0.1:3399/\"] }").toString(),
                "--repository-url", "jdbc:h2:file:" + dir.resolve("r3/repo").toAbsolutePath(),
                "--report-dir", dir.resolve("reports").toString());
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String output = ParityProcess.read(log);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("throttle: cannot read the replication lag of source replica 127.0.0.1:3399")
                .contains("it is not watched");
    }
}
