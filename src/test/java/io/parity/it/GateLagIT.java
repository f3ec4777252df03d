package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static io.parity.it.ReplicationPair.DESTINATION;
import static io.parity.it.ReplicationPair.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lag gate on a real replication pair: a stopped SQL thread fails it, a restarted one passes it. */
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
        assertTrue(failed.get("observations").size() >= 2, failed.toString());
        failed.get("observations").forEach(o -> assertFalse(o.get("values").get("at_zero").asBoolean()));

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

    @Test
    void lagPollsUntilTheReplicaRecoversAndKeepsTheSeries() throws Exception {
        Path spec = spec("pit_gate_lag_poll", "      max-delay: 1s\n      timeout: 30s\n      interval: 500ms\n");
        ReplicationPair.execute(DESTINATION, "STOP SLAVE SQL_THREAD");

        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> gate(spec));
        ReplicationPair.sleep(4000);
        ReplicationPair.execute(DESTINATION, "START SLAVE SQL_THREAD");
        CliRun result = run.get();

        assertEquals(0, result.exitCode(), result.out() + result.err());
        JsonNode evidence = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_gate_lag_poll"), "lag");
        JsonNode series = evidence.get("observations");
        assertTrue(series.size() >= 2, "expected polling, got " + series.size() + " observation(s)");
        assertFalse(series.get(0).get("values").get("heartbeat_visible").asBoolean());
        assertEquals("No", series.get(0).get("values").get("sql_running").asString());
        assertTrue(series.get(series.size() - 1).get("values").get("heartbeat_visible").asBoolean());
        assertTrue(evidence.get("took_ms").asLong() >= 3000, evidence.get("took_ms").toString());
    }
}
