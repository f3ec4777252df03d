package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;

import static io.parity.it.ReplicationPair.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reverse-replication gate with and without replication destination -> source. */
class GateReverseReplicationIT {

    @TempDir
    static Path dir;

    @BeforeAll
    static void pair() {
        ReplicationPair.start();
        ReplicationPair.execute(SOURCE, "CREATE DATABASE IF NOT EXISTS pit_gate_rev");
    }

    @AfterEach
    void reset() {
        ReplicationPair.reset();
    }

    private static JsonNode run(String job, int expectedExit) {
        Path spec = ReplicationPair.spec(dir, job, "pit_gate_rev",
                "cutover:\n  heartbeat: {schema: pit_gate_hb}\n  steps:\n    - gate: reverse-replication\n      within: 3s\n");
        CliRun run = CliRun.run(dir, "gate", "reverse-replication", "--job", spec.toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertEquals(expectedExit, run.exitCode(), run.out() + run.err());
        return GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), job), "reverse-replication");
    }

    @Test
    void withoutReverseReplicationTheCanaryNeverArrives() {
        JsonNode e = run("pit_gate_rev_off", 1);

        JsonNode v = GateEvidence.lastObservation(e);
        assertFalse(v.get("canary_visible").asBoolean());
        assertTrue(v.get("canary_delay_ms").asLong() >= 3000, v.toString());
        assertFalse(v.get("source_native_replica").asBoolean());
        assertTrue(e.get("reason").asString().contains("configure replication destination -> source"));
    }

    @Test
    void withReverseReplicationTheCanaryArrives() {
        ReplicationPair.script("reverse", "on");

        JsonNode e = run("pit_gate_rev_on", 0);

        JsonNode v = GateEvidence.lastObservation(e);
        assertTrue(v.get("canary_visible").asBoolean());
        assertTrue(v.get("canary_delay_ms").asLong() < 3000, v.toString());
        assertTrue(v.get("source_native_replica").asBoolean());
        assertEquals("Yes", v.get("source_sql_running").asString());
    }
}
