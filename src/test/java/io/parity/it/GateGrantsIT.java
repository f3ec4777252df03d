package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.parity.it.ReplicationPair.DESTINATION;
import static io.parity.it.ReplicationPair.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grants gate on the destination: an account with write grants fails with the exact REVOKE statements, and
 * running those statements makes it pass.
 */
class GateGrantsIT {

    @TempDir
    static Path dir;

    @BeforeAll
    static void pair() {
        ReplicationPair.start();
        ReplicationPair.execute(SOURCE, "CREATE DATABASE IF NOT EXISTS pit_gate_grants");
        ReplicationPair.awaitCaughtUp();
        // local to the destination: a migration account is the destination's business
        ReplicationPair.execute(DESTINATION, "SET SESSION sql_log_bin = 0",
                "DROP USER IF EXISTS 'pit_gate_mig'@'%'",
                "CREATE USER 'pit_gate_mig'@'%' IDENTIFIED BY 'mig-secret'",
                "GRANT SELECT, INSERT, UPDATE ON pit_gate_grants.* TO 'pit_gate_mig'@'%'",
                "GRANT ALL PRIVILEGES ON pit_gate_other.* TO 'pit_gate_mig'@'%'");
    }

    @AfterEach
    void reset() {
        ReplicationPair.reset();
    }

    private static JsonNode run(String job, int expectedExit) {
        Path spec = ReplicationPair.spec(dir, job, "pit_gate_grants",
                "cutover:\n  steps:\n    - gate: grants\n      accounts: [\"pit_gate_mig@%\", \"pit_gate_nobody@%\"]\n");
        CliRun run = CliRun.run(dir, "gate", "grants", "--job", spec.toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertEquals(expectedExit, run.exitCode(), run.out() + run.err());
        return GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), job), "grants");
    }

    @Test
    void writeGrantsFailWithExactRevokesAndRunningThemPasses() {
        JsonNode failed = run("pit_gate_grants_before", 1);

        JsonNode v = GateEvidence.lastObservation(failed);
        List<String> revokes = new ArrayList<>();
        v.get("revoke").forEach(r -> revokes.add(r.asString()));
        assertEquals(List.of("SET SESSION sql_log_bin = 0;",
                "REVOKE INSERT, UPDATE ON `pit_gate_grants`.* FROM 'pit_gate_mig'@'%';"), revokes);
        assertEquals("pit_gate_grants", v.get("databases").get(0).asString());
        assertFalse(v.get("accounts").get(1).get("exists").asBoolean(), "pit_gate_nobody does not exist");
        String hash = ReplicationPair.queryString(DESTINATION, "SELECT PASSWORD('mig-secret')");
        assertFalse(v.toString().contains(hash), "the password hash must not reach the evidence");
        assertTrue(v.get("accounts").get(0).get("grants").toString().contains("IDENTIFIED BY PASSWORD '******'"),
                v.get("accounts").get(0).toString());
        assertTrue(failed.get("reason").asString().contains("run: " + String.join(" ", revokes)));

        // run exactly as printed: the REVOKE must not reach the source, which has no such account
        String binlogBefore = ReplicationPair.queryString(DESTINATION, "SELECT @@gtid_binlog_pos");
        ReplicationPair.execute(DESTINATION, revokes.stream().map(r -> r.substring(0, r.length() - 1))
                .toArray(String[]::new));
        assertEquals(binlogBefore, ReplicationPair.queryString(DESTINATION, "SELECT @@gtid_binlog_pos"),
                "the printed statements wrote nothing to the destination's binary log");

        JsonNode passed = run("pit_gate_grants_after", 0);
        assertEquals(0, GateEvidence.lastObservation(passed).get("revoke").size());
        assertTrue(GateEvidence.lastObservation(passed).get("accounts").get(0).get("grants").toString()
                .contains("GRANT SELECT ON `pit_gate_grants`.*"));
    }
}
