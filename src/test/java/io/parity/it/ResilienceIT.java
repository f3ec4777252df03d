package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A verify killed (kill -9), stopped (SIGTERM), disturbed (its connection killed, its table locked) or cut off from
 * a server can be continued and ends with exactly the report of an undisturbed run.
 */
class ResilienceIT {

    static final String SRC = "pit_res_src";
    static final String DST = "pit_res_dst";
    static final String REPO = "pit_res_repo";
    /** Makes every checksummed row cost a little server time so a run lasts long enough to be interrupted. */
    static final String SLOW = "    where: \"SLEEP(0.0004) = 0\"\n";

    @TempDir
    Path dir;

    static List<String> expectedDiffs;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20), n INT)",
                    "INSERT INTO t SELECT seq, CONCAT('v', seq), seq % 7 FROM " + Numbers.upTo(12000));
        }
        db.execute("USE " + DST, "UPDATE t SET v = 'changed' WHERE id IN (5, 4000, 11999)",
                "DELETE FROM t WHERE id IN (600, 7000)", "INSERT INTO t VALUES (20000, 'extra', 1)");
        expectedDiffs = List.of(line("changed", 5, "[\"v\"]"), line("missing", 600, "[]"), line("changed", 4000, "[\"v\"]"),
                line("missing", 7000, "[]"), line("changed", 11999, "[\"v\"]"), line("extra", 20000, "[]"));
    }

    @BeforeEach
    void freshRepository() {
        TestDatabase.get().recreate(REPO);
    }

    static String line(String kind, int id, String columns) {
        return "{\"table\":\"" + SRC + ".t\",\"kind\":\"" + kind + "\",\"key\":{\"id\":" + id + "},\"columns\":" + columns + "}";
    }

    Path spec(String name, String extraTable, String options) {
        return SpecFiles.write(dir, name, SRC, DST, "tables:\n  - name: t\n" + extraTable
                + "options:\n  chunk-rows: 500\n  parallelism: 1\n  recheck: { attempts: 0 }\n" + options);
    }

    CliRun parity(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--report-dir", dir.resolve("reports").toString(), "--repository-url", repoUrl()));
        return CliRun.run(null, all.toArray(String[]::new));
    }

    static String repoUrl() {
        return TestDatabase.get().url(REPO);
    }

    List<String> diffs(String job, int run) throws Exception {
        return Files.readAllLines(dir.resolve("reports").resolve(job).resolve(String.valueOf(run)).resolve("diffs.jsonl"));
    }

    static long repoLong(String sql) throws Exception {
        try (Connection c = TestDatabase.get().connect(REPO); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    static String status(long run) throws Exception {
        try (Connection c = TestDatabase.get().connect(REPO); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = " + run
                     + " ORDER BY JOB_EXECUTION_ID DESC")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    Process startSlowRun(String job) throws Exception {
        Path spec = spec(job, SLOW, "");
        Process p = ParityProcess.start(dir.resolve(job + ".log"), Map.of(), "verify", "--job", spec.toString(),
                "--repository-url", repoUrl(), "--report-dir", dir.resolve("reports").toString());
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            long chunks = 0;
            try {
                chunks = repoLong("SELECT COUNT(*) FROM PARITY_CHUNK_RESULT WHERE RUN_ID = 1");
            } catch (Exception e) {
                // tables not created yet
            }
            if (chunks >= 4) {
                return p;
            }
            assertThat(p.isAlive()).as(ParityProcess.read(dir.resolve(job + ".log"))).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("run did not get going: " + ParityProcess.read(dir.resolve(job + ".log")));
    }

    /**
     * The committed chunks before the interruption and after the restart count every row exactly once on each side
     * (12,000 source rows; 11,999 on the destination). Counting chunks would not do: arithmetic cuts learn the key
     * density again after a restart, so the chunk grid may differ from an uninterrupted run's.
     */
    static void assertEveryRowInExactlyOneChunk() throws Exception {
        assertThat(repoLong("SELECT SUM(SRC_ROWS) FROM PARITY_CHUNK_RESULT WHERE RUN_ID = 1")).as("source rows")
                .isEqualTo(12000);
        assertThat(repoLong("SELECT SUM(DST_ROWS) FROM PARITY_CHUNK_RESULT WHERE RUN_ID = 1")).as("destination rows")
                .isEqualTo(11999);
        assertThat(repoLong("SELECT COUNT(*) FROM PARITY_CHUNK_RESULT WHERE RUN_ID = 1")).isBetween(20L, 30L);
    }

    @Test
    void killMinusNineThenRestartGivesTheUninterruptedReport() throws Exception {
        Process p = startSlowRun("killed");
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long before = repoLong("SELECT COUNT(*) FROM PARITY_CHUNK_RESULT WHERE RUN_ID = 1");
        assertThat(before).isBetween(4L, 24L);
        assertThat(status(1)).isEqualTo("STARTED");

        CliRun restart = parity("verify", "--restart", "1");
        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isEqualTo(1);
        assertThat(diffs("killed", 1)).containsExactlyElementsOf(expectedDiffs);
        assertEveryRowInExactlyOneChunk();
        assertThat(status(1)).isEqualTo("COMPLETED");

        CliRun again = parity("verify", "--restart", "1");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("run 1 already completed");
    }

    @Test
    void sigtermStopsGracefullyAndTheRunRestarts() throws Exception {
        Process p = startSlowRun("stopped");
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = ParityProcess.read(dir.resolve("stopped.log"));
        assertThat(p.exitValue()).as(log).isEqualTo(3);
        assertThat(log).contains("run 1 was stopped; 'parity verify --restart 1' continues it");
        assertThat(status(1)).isEqualTo("STOPPED");

        CliRun restart = parity("verify", "--restart", "1");
        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isEqualTo(1);
        assertThat(diffs("stopped", 1)).containsExactlyElementsOf(expectedDiffs);
        assertEveryRowInExactlyOneChunk();
    }

    /**
     * The same with client hashing, whose streamed query is the one killed (BinaryRowPacketsIT kills a connection
     * after rows began to arrive).
     */
    @ParameterizedTest
    @ValueSource(strings = {"server", "client"})
    void aKilledConnectionIsRetriedWithTheSameResult(String hashing) throws Exception {
        String job = "conn-" + hashing;
        Path spec = spec(job, SLOW, "  retry: { attempts: 3, delay: 200ms }\n  hashing: " + hashing + "\n");
        AtomicInteger kills = new AtomicInteger();
        Thread killer = new Thread(() -> {
            try (Connection c = TestDatabase.get().connect(""); Statement st = c.createStatement()) {
                long deadline = System.currentTimeMillis() + 30_000;
                while (kills.get() < 2 && System.currentTimeMillis() < deadline) {
                    try (ResultSet rs = st.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE"
                            + " '%SLEEP(0.0004)%' AND INFO NOT LIKE '%PROCESSLIST%' LIMIT 1")) {
                        if (rs.next()) {
                            long id = rs.getLong(1);
                            rs.close();
                            st.execute("KILL CONNECTION " + id);
                            kills.incrementAndGet();
                            Thread.sleep(1000);
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        CliRun run = parity("verify", "--job", spec.toString());
        killer.join();
        assertThat(kills.get()).as("connections killed mid-query").isEqualTo(2);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(diffs(job, 1)).containsExactlyElementsOf(expectedDiffs);
    }

    @Test
    void aLockWaitTimeoutIsRetried() throws Exception {
        Path spec = spec("locked", "", "  lock-wait-timeout: 1s\n  retry: { attempts: 4, delay: 1s }\n");
        try (Connection locker = TestDatabase.get().connect(DST); Statement st = locker.createStatement()) {
            st.execute("LOCK TABLES t WRITE");
            Thread unlock = new Thread(() -> {
                try {
                    Thread.sleep(2500);
                    st.execute("UNLOCK TABLES");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            unlock.start();
            long start = System.nanoTime();
            CliRun run = parity("verify", "--job", spec.toString());
            unlock.join();
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat((System.nanoTime() - start) / 1_000_000).as("waited for the lock").isGreaterThan(2000);
        }
        assertThat(diffs("locked", 1)).containsExactlyElementsOf(expectedDiffs);
    }
}
