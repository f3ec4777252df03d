package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.parity.it.ReplicationPair.DESTINATION;
import static io.parity.it.ReplicationPair.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lag gate on a real replication pair: a stopped SQL thread or a replication error fails it at once, a restarted
 * replica passes it, and an applier that is only held up is waited for, with progress lines and a PASS that says what
 * the wait saw.
 */
class GateLagIT {

    @TempDir
    static Path dir;

    @BeforeAll
    static void pair() {
        ReplicationPair.start();
        ReplicationPair.execute(SOURCE, "CREATE DATABASE IF NOT EXISTS pit_gate_lag");
    }

    @AfterEach
    void reset() {
        ReplicationPair.reset();
    }

    private static Path spec(String name, String lagSettings) {
        return ReplicationPair.spec(dir, name, "pit_gate_lag", "cutover:\n  heartbeat: {schema: pit_gate_hb}\n  steps:\n"
                + "    - gate: lag\n" + lagSettings);
    }

    private static CliRun gate(Path spec) {
        return CliRun.run(dir, "gate", "lag", "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString());
    }

    @Test
    void stoppedSqlThreadFailsLagAndRestartPassesIt() {
        Path spec = spec("pit_gate_lag_stop", "      max-delay: 1s\n      timeout: 0\n");
        ReplicationPair.execute(DESTINATION, "STOP SLAVE SQL_THREAD");
        ReplicationPair.execute(SOURCE, "CREATE TABLE IF NOT EXISTS pit_gate_lag.t (id INT PRIMARY KEY)",
                "REPLACE INTO pit_gate_lag.t VALUES (1)");
        ReplicationPair.sleep(1500); // the unapplied write is now older than max-delay

        CliRun failed = gate(spec);

        assertEquals(1, failed.exitCode(), failed.out() + failed.err());
        JsonNode evidence = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_gate_lag_stop"), "lag");
        assertEquals("FAIL", evidence.get("status").asString());
        JsonNode values = GateEvidence.lastObservation(evidence);
        assertFalse(values.get("heartbeat_visible").asBoolean());
        assertTrue(values.get("heartbeat_delay_ms").asLong() >= 1000, values.toString());
        assertEquals("No", values.get("sql_running").asString());
        assertEquals("Yes", values.get("io_running").asString());
        assertTrue(values.get("seconds_behind").isNull());
        assertTrue(evidence.get("reason").asString().contains("replica SQL thread is No"), evidence.get("reason").asString());
        assertTrue(evidence.get("reason").asString().contains("waiting will not help: the replica SQL thread is stopped"),
                evidence.get("reason").asString());
        assertEquals("stuck", evidence.get("waited").get("ended").asString());

        ReplicationPair.execute(DESTINATION, "START SLAVE SQL_THREAD");
        ReplicationPair.awaitCaughtUp();
        CliRun passed = gate(spec);

        assertEquals(0, passed.exitCode(), passed.out() + passed.err());
        JsonNode after = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_gate_lag_stop"), "lag");
        assertEquals("PASS", after.get("status").asString());
        JsonNode v = GateEvidence.lastObservation(after);
        assertTrue(v.get("heartbeat_visible").asBoolean());
        assertTrue(v.get("heartbeat_delay_ms").asLong() < 1000, v.toString());
        assertEquals("Yes", v.get("sql_running").asString());
        assertEquals(0, v.get("seconds_behind").asLong());
        assertTrue(after.get("reason").asString().matches(".*; (passed at the first observation, no wait|waited .*)"),
                after.get("reason").asString());
        assertEquals("passed", after.get("waited").get("ended").asString());
    }

    @Test
    void aStoppedSqlThreadFailsAtOnceInsteadOfWaitingForTheTimeout() {
        Path spec = spec("pit_gate_lag_fast", "      max-delay: 1s\n      timeout: 2m\n      interval: 1s\n");
        ReplicationPair.execute(DESTINATION, "STOP SLAVE SQL_THREAD");

        long started = System.nanoTime();
        CliRun failed = gate(spec);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(1, failed.exitCode(), failed.out() + failed.err());
        assertTrue(tookMs < 30_000, "failed after " + tookMs + " ms of a 2 m timeout");
        JsonNode evidence = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_gate_lag_fast"), "lag");
        assertEquals(1, evidence.get("observations").size(), evidence.toString());
        assertTrue(evidence.get("reason").asString().contains("waiting will not help: the replica SQL thread is stopped"),
                evidence.get("reason").asString());
        assertFalse(evidence.get("reason").asString().contains("still not met after"), evidence.get("reason").asString());
        assertFalse(failed.err().contains("until timeout"), "no progress line for a gate that did not wait: " + failed.err());
    }

    @Test
    void aReplicationErrorFailsAtOnceNamingTheError() {
        Path spec = spec("pit_gate_lag_error", "      max-delay: 1s\n      timeout: 2m\n      interval: 1s\n");
        ReplicationPair.execute(SOURCE, "CREATE TABLE IF NOT EXISTS pit_gate_lag.conflict (id INT PRIMARY KEY)",
                "DELETE FROM pit_gate_lag.conflict");
        ReplicationPair.awaitCaughtUp();
        ReplicationPair.execute(DESTINATION, "SET SESSION sql_log_bin = 0", "INSERT INTO pit_gate_lag.conflict VALUES (42)");
        try {
            ReplicationPair.execute(SOURCE, "INSERT INTO pit_gate_lag.conflict VALUES (42)");
            for (int i = 0; i < 100 && !"No".equals(sqlRunning()); i++) {
                ReplicationPair.sleep(100);
            }

            CliRun failed = gate(spec);

            assertEquals(1, failed.exitCode(), failed.out() + failed.err());
            JsonNode evidence = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_gate_lag_error"),
                    "lag");
            JsonNode values = GateEvidence.lastObservation(evidence);
            assertTrue(values.get("last_sql_error").asString().contains("Duplicate entry"), values.toString());
            String reason = evidence.get("reason").asString();
            assertTrue(reason.contains("waiting will not help: the replica SQL thread is stopped on error: "), reason);
            assertTrue(reason.contains("Duplicate entry '42'"), reason);
            assertTrue(failed.out().contains("Duplicate entry '42'"), "the step line names the error: " + failed.out());
            assertTrue(evidence.get("took_ms").asLong() < 10_000, evidence.get("took_ms").toString());
        } finally {
            ReplicationPair.execute(DESTINATION, "SET SESSION sql_log_bin = 0", "DELETE FROM pit_gate_lag.conflict",
                    "START SLAVE");
            ReplicationPair.awaitCaughtUp();
        }
    }

    private static String sqlRunning() {
        try (java.sql.Connection c = ReplicationPair.connect(DESTINATION); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW SLAVE STATUS")) {
            return rs.next() ? rs.getString("Slave_SQL_Running") : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void caughtUpFailsWhileTheReplicaIsStoppedAndPassesOnceItHeldZeroForThePeriod() {
        Path spec = ReplicationPair.spec(dir, "pit_gate_caught", "pit_gate_lag", "cutover:\n  heartbeat: {schema: pit_gate_hb}\n"
                + "  steps:\n    - gate: caught-up\n      period: 2s\n      interval: 500ms\n      timeout: 3s\n");
        ReplicationPair.execute(DESTINATION, "STOP SLAVE SQL_THREAD");
        CliRun stopped = CliRun.run(dir, "gate", "caught-up", "--job", spec.toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertEquals(1, stopped.exitCode(), stopped.out() + stopped.err());
        JsonNode failed = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_gate_caught"), "caught-up");
        assertEquals(1, failed.get("observations").size(), "a stopped SQL thread fails at once: " + failed);
        assertFalse(failed.get("observations").get(0).get("values").get("at_zero").asBoolean());
        assertTrue(failed.get("reason").asString().contains("waiting will not help: the replica SQL thread is stopped"),
                failed.get("reason").asString());

        ReplicationPair.execute(DESTINATION, "START SLAVE SQL_THREAD");
        ReplicationPair.awaitCaughtUp();
        CliRun running = CliRun.run(dir, "gate", "caught-up", "--job", spec.toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertEquals(0, running.exitCode(), running.out() + running.err());
        JsonNode passed = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_gate_caught"), "caught-up");
        JsonNode series = passed.get("observations");
        assertTrue(series.size() >= 5, "2 s at a 500 ms interval: " + series.size());
        series.forEach(o -> assertTrue(o.get("values").get("at_zero").asBoolean()));
    }

    /**
     * A replica whose applier waits for a row lock a destination session holds is running, only held up: the gate waits,
     * prints its progress, and passes once the lock is released, saying what it waited for.
     */
    @Test
    void lagWaitsForAHeldUpApplierWithProgressLinesAndAPassThatSaysWhatItSaw() throws Exception {
        Path spec = spec("pit_gate_lag_poll", "      max-delay: 1s\n      timeout: 30s\n      interval: 500ms\n"
                + "      progress: 1s\n");
        ReplicationPair.execute(SOURCE, "CREATE TABLE IF NOT EXISTS pit_gate_lag.held (id INT PRIMARY KEY, v INT)",
                "REPLACE INTO pit_gate_lag.held VALUES (1, 0)");
        ReplicationPair.awaitCaughtUp();
        CliRun result;
        try (Connection lock = ReplicationPair.connect(DESTINATION); Statement st = lock.createStatement()) {
            lock.setAutoCommit(false);
            st.executeQuery("SELECT v FROM pit_gate_lag.held WHERE id = 1 FOR UPDATE").close();
            ReplicationPair.execute(SOURCE, "UPDATE pit_gate_lag.held SET v = v + 1 WHERE id = 1");

            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> gate(spec));
            ReplicationPair.sleep(4000);
            lock.rollback();
            result = run.get();
        }

        assertEquals(0, result.exitCode(), result.out() + result.err());
        List<String> progress = result.err().lines().filter(l -> l.startsWith("gate lag: ")).toList();
        assertTrue(progress.size() >= 2, "a line at the first WAIT and about every second after: " + result.err());
        assertTrue(progress.get(0).contains("heartbeat not visible") && progress.get(0).matches(".*; \\d+(\\.\\d)? s until timeout"),
                progress.get(0));
        JsonNode evidence = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_gate_lag_poll"), "lag");
        JsonNode series = evidence.get("observations");
        assertTrue(series.size() >= 2, "expected polling, got " + series.size() + " observation(s)");
        assertFalse(series.get(0).get("values").get("heartbeat_visible").asBoolean());
        assertEquals("Yes", series.get(0).get("values").get("sql_running").asString(), "held up, not stopped");
        assertTrue(series.get(series.size() - 1).get("values").get("heartbeat_visible").asBoolean());
        assertTrue(evidence.get("took_ms").asLong() >= 3000, evidence.get("took_ms").toString());
        String reason = evidence.get("reason").asString();
        assertTrue(reason.contains("; waited ") && reason.contains(" over " + series.size() + " observations; meanwhile"
                + " heartbeat not visible after "), reason);
        JsonNode waited = evidence.get("waited");
        assertEquals(series.size(), waited.get("observations").asInt());
        assertEquals("passed", waited.get("ended").asString());
        assertTrue(waited.get("moved").asString().startsWith("heartbeat not visible after"), waited.toString());
        assertTrue(result.out().contains("PASS") && result.out().contains("; waited "), "the PASS line says it: "
                + result.out());

        CliRun quiet = CliRun.run(dir, "gate", "lag", "-q", "--job", spec.toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertEquals(0, quiet.exitCode(), quiet.out() + quiet.err());
        assertFalse(quiet.err().contains("until timeout"), quiet.err());
    }
}
