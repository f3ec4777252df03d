package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.parity.it.ReplicationPair.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writes-stopped gate against a source with a writer running, with read_only off and on. */
class GateWritesStoppedIT {

    @TempDir
    static Path dir;

    @BeforeAll
    static void pair() {
        ReplicationPair.start();
        ReplicationPair.execute(SOURCE, "CREATE DATABASE IF NOT EXISTS pit_gate_ws",
                "CREATE TABLE IF NOT EXISTS pit_gate_ws.t (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT)",
                "CREATE DATABASE IF NOT EXISTS pit_gate_hb");
    }

    @AfterEach
    void reset() {
        ReplicationPair.reset();
    }

    /** Inserts a row every 50 ms (as root, so read_only does not stop it) until closed. */
    static final class Writer implements AutoCloseable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong rows = new AtomicLong();
        final Thread thread;

        Writer(String... sessionSetup) {
            thread = new Thread(() -> {
                try (Connection c = ReplicationPair.connect(SOURCE); Statement st = c.createStatement()) {
                    for (String s : sessionSetup) {
                        st.execute(s);
                    }
                    while (running.get()) {
                        st.executeUpdate(sessionSetup.length == 0 ? "INSERT INTO pit_gate_ws.t (v) VALUES (1)"
                                : "REPLACE INTO pit_gate_hb.parity_heartbeat (id, seq, written_at)"
                                + " VALUES ('other-parity', UNIX_TIMESTAMP(NOW(6)) * 1000000, NOW(6))");
                        rows.incrementAndGet();
                        Thread.sleep(50);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private static CliRun gate(Path spec) {
        return CliRun.run(dir, "gate", "writes-stopped", "--job", spec.toString(), "--report-dir",
                dir.resolve("reports").toString());
    }

    private static JsonNode evidence(String job) {
        return GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), job), "writes-stopped");
    }

    @Test
    void readOnlyOffWithAWriterFails() throws Exception {
        Path spec = ReplicationPair.spec(dir, "pit_gate_ws_off", "pit_gate_ws",
                "cutover:\n  steps:\n    - gate: writes-stopped\n      stable-for: 2s\n      timeout: 4s\n");
        CliRun run;
        try (Writer writer = new Writer()) {
            ReplicationPair.sleep(200);
            run = gate(spec);
            assertTrue(writer.rows.get() > 0);
        }

        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode e = evidence("pit_gate_ws_off");
        assertEquals("FAIL", e.get("status").asString());
        assertFalse(GateEvidence.lastObservation(e).get("read_only").asBoolean());
        assertTrue(e.get("reason").asString().contains("read_only is OFF"), e.get("reason").asString());
    }

    @Test
    void readOnlyOnButThePositionStillMovesFailsAtTheTimeout() throws Exception {
        Path spec = ReplicationPair.spec(dir, "pit_gate_ws_moving", "pit_gate_ws",
                "cutover:\n  steps:\n    - gate: writes-stopped\n      stable-for: 2s\n      timeout: 4s\n      interval: 500ms\n");
        ReplicationPair.execute(SOURCE, "SET GLOBAL read_only = 1");
        CliRun run;
        try (Writer writer = new Writer()) {
            run = gate(spec);
        }

        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode e = evidence("pit_gate_ws_moving");
        JsonNode series = e.get("observations");
        assertTrue(series.size() >= 4, series.toString());
        assertTrue(series.get(0).get("values").get("read_only").asBoolean());
        assertNotEquals(series.get(0).get("values").get("position").asString(),
                series.get(series.size() - 1).get("values").get("position").asString());
        assertTrue(e.get("reason").asString().contains("position moved"), e.get("reason").asString());
        assertTrue(e.get("reason").asString().contains("still not met after"), e.get("reason").asString());
    }

    @Test
    void readOnlyOnAndOnlyHeartbeatsInTheirDomainPasses() throws Exception {
        Path spec = ReplicationPair.spec(dir, "pit_gate_ws_quiet", "pit_gate_ws",
                "cutover:\n  heartbeat: {schema: pit_gate_hb, gtid-domain-id: 99}\n  steps:\n"
                        + "    - gate: writes-stopped\n      stable-for: 2s\n      timeout: 6s\n      interval: 500ms\n");
        ReplicationPair.execute(SOURCE, "CREATE TABLE IF NOT EXISTS pit_gate_hb.parity_heartbeat (id VARCHAR(128) NOT NULL"
                + " PRIMARY KEY, seq BIGINT NOT NULL, written_at DATETIME(6) NOT NULL)");
        ReplicationPair.execute(SOURCE, "SET GLOBAL read_only = 1");
        CliRun run;
        try (Writer heartbeats = new Writer("SET SESSION gtid_domain_id = 99")) {
            run = gate(spec);
            assertTrue(heartbeats.rows.get() > 10);
        }

        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode e = evidence("pit_gate_ws_quiet");
        JsonNode series = e.get("observations");
        JsonNode first = series.get(0).get("values");
        JsonNode last = series.get(series.size() - 1).get("values");
        assertNotEquals(first.get("position_raw").asString(), last.get("position_raw").asString(),
                "heartbeats moved the raw position");
        assertEquals(first.get("position").asString(), last.get("position").asString());
        assertFalse(last.get("position").asString().contains("99-"), last.toString());
    }
}
