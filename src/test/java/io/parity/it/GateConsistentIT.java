package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;

import static io.parity.it.ReplicationPair.DESTINATION;
import static io.parity.it.ReplicationPair.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consistent gate (run now, and a recent run) and the backup gate (query) on the pair. */
class GateConsistentIT {

    @TempDir
    static Path dir;

    @BeforeAll
    static void pair() {
        ReplicationPair.start();
        ReplicationPair.execute(SOURCE, "DROP DATABASE IF EXISTS pit_gate_cons",
                "CREATE DATABASE pit_gate_cons",
                "CREATE TABLE pit_gate_cons.items (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO pit_gate_cons.items VALUES (1, 'a'), (2, 'b'), (3, 'c')",
                "CREATE DATABASE IF NOT EXISTS pit_gate_ops",
                "CREATE TABLE IF NOT EXISTS pit_gate_ops.backups (finished_at DATETIME NOT NULL)",
                "DELETE FROM pit_gate_ops.backups",
                "INSERT INTO pit_gate_ops.backups VALUES (NOW() - INTERVAL 3 HOUR)");
        ReplicationPair.awaitCaughtUp();
    }

    @AfterEach
    void reset() {
        ReplicationPair.reset();
    }

    private static Path spec(String job, String gateYaml) {
        return ReplicationPair.spec(dir, job, "pit_gate_cons", "cutover:\n  steps:\n" + gateYaml);
    }

    private static JsonNode gate(String gate, Path spec, String job, int expectedExit) {
        CliRun run = CliRun.run(dir, "gate", gate, "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString());
        assertEquals(expectedExit, run.exitCode(), run.out() + run.err());
        return GateEvidence.latest(dir.resolve("reports"), job, gate);
    }

    @Test
    void consistentRunsVerifyNowAndFailsOnADifference() {
        Path spec = spec("pit_gate_cons", "    - gate: consistent\n");
        JsonNode same = GateEvidence.lastObservation(gate("consistent", spec, "pit_gate_cons", 0));
        assertEquals(0, same.get("differing_rows").asLong());
        assertEquals("run now", same.get("mode").asString());

        ReplicationPair.execute(DESTINATION, "SET SESSION sql_log_bin = 0",
                "UPDATE pit_gate_cons.items SET name = 'drift' WHERE id = 2");
        try {
            JsonNode e = gate("consistent", spec, "pit_gate_cons", 1);
            JsonNode v = GateEvidence.lastObservation(e);
            assertEquals(1, v.get("differing_rows").asLong());
            assertEquals("differences", v.get("verdict").asString());
            assertTrue(e.get("reason").asString().contains("repair and verify again"), e.get("reason").asString());
        } finally {
            ReplicationPair.execute(DESTINATION, "SET SESSION sql_log_bin = 0",
                    "UPDATE pit_gate_cons.items SET name = 'b' WHERE id = 2");
        }
    }

    @Test
    void consistentAcceptsARecentCompletedVerifyRun() {
        Path spec = spec("pit_gate_cons_recent", "    - gate: consistent\n      max-age: 1h\n");
        JsonNode none = GateEvidence.lastObservation(gate("consistent", spec, "pit_gate_cons_recent", 1));
        assertTrue(none.get("run_id").isNull());

        CliRun verify = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString(), "-q");
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        long verifyRun = Long.parseLong(GateEvidence.latestRun(dir.resolve("reports"), "pit_gate_cons_recent")
                .getFileName().toString());

        JsonNode recent = GateEvidence.lastObservation(gate("consistent", spec, "pit_gate_cons_recent", 0));
        assertEquals("recent run", recent.get("mode").asString());
        assertEquals(verifyRun, recent.get("run_id").asLong());
        assertTrue(recent.get("age_seconds").asLong() < 60, recent.toString());
    }

    @Test
    void backupQueryIsJudgedAgainstMaxAge() {
        String query = "      query: \"SELECT MAX(finished_at) FROM pit_gate_ops.backups\"\n";
        JsonNode fresh = gate("backup", spec("pit_gate_bk_fresh", "    - gate: backup\n" + query + "      max-age: 4h\n"),
                "pit_gate_bk_fresh", 0);
        long age = GateEvidence.lastObservation(fresh).get("age_seconds").asLong();
        assertTrue(age >= 3 * 3600 - 5 && age < 3 * 3600 + 60, "about three hours: " + age);

        JsonNode stale = gate("backup", spec("pit_gate_bk_stale", "    - gate: backup\n" + query + "      max-age: 2h\n"),
                "pit_gate_bk_stale", 1);
        assertTrue(stale.get("reason").asString().contains("older than max-age 2 h"), stale.get("reason").asString());
    }
}
