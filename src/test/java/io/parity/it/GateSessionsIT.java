package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static io.parity.it.ReplicationPair.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sessions gate against an account holding an open write transaction on the source. */
class GateSessionsIT {

    @TempDir
    static Path dir;

    @BeforeAll
    static void pair() {
        ReplicationPair.start();
        ReplicationPair.execute(SOURCE, "CREATE DATABASE IF NOT EXISTS pit_gate_sess",
                "CREATE TABLE IF NOT EXISTS pit_gate_sess.orders (id INT PRIMARY KEY, note VARCHAR(40))",
                "DELETE FROM pit_gate_sess.orders",
                "CREATE USER IF NOT EXISTS 'pit_gate_app'@'%' IDENTIFIED BY 'app-secret'",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON pit_gate_sess.* TO 'pit_gate_app'@'%'");
    }

    @AfterEach
    void reset() {
        ReplicationPair.reset();
    }

    private static CliRun gate(String job, String allow) {
        Path spec = ReplicationPair.spec(dir, job, "pit_gate_sess",
                "cutover:\n  steps:\n    - gate: sessions\n      allow: " + allow + "\n");
        return CliRun.run(dir, "gate", "sessions", "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString());
    }

    private static JsonNode evidence(String job) {
        return GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), job), "sessions");
    }

    @Test
    void openWriteTransactionOfAnAccountNotAllowedFailsAndIsNamed() throws Exception {
        try (Connection app = DriverManager.getConnection(ReplicationPair.url(SOURCE, "pit_gate_sess"), "pit_gate_app",
                "app-secret"); Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.executeUpdate("INSERT INTO pit_gate_sess.orders VALUES (7, 'held open by the test')");
            long id;
            try (ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
            ReplicationPair.sleep(1100);

            CliRun denied = gate("pit_gate_sess_denied", "[parity_repl]");
            CliRun allowed = gate("pit_gate_sess_allowed", "[parity_repl, \"pit_gate_app@%\"]");

            assertEquals(1, denied.exitCode(), denied.out() + denied.err());
            JsonNode e = evidence("pit_gate_sess_denied");
            JsonNode offenders = GateEvidence.lastObservation(e).get("offenders");
            assertEquals(1, offenders.size(), offenders.toString());
            JsonNode s = offenders.get(0);
            assertEquals(id, s.get("id").asLong());
            assertEquals("pit_gate_app", s.get("user").asString());
            assertTrue(s.get("host").asString().startsWith("127.0.0.1"), s.toString());
            assertTrue(s.get("in_transaction").asBoolean());
            assertEquals(1, s.get("rows_modified").asLong());
            assertTrue(s.get("age_seconds").asLong() >= 1, s.toString());
            assertTrue(e.get("reason").asString().contains("session " + id + " pit_gate_app@127.0.0.1"),
                    e.get("reason").asString());
            assertTrue(denied.out().contains("pit_gate_app"), denied.out());

            assertEquals(0, allowed.exitCode(), allowed.out() + allowed.err());
            assertEquals(1, GateEvidence.lastObservation(evidence("pit_gate_sess_allowed")).get("allowed_writers").asLong());

            app.rollback();
        }
        CliRun after = gate("pit_gate_sess_after", "[parity_repl]");
        assertEquals(0, after.exitCode(), after.out() + after.err());
        assertEquals(0, GateEvidence.lastObservation(evidence("pit_gate_sess_after")).get("offenders").size());
    }

    @Test
    void runningDmlIsCaughtWithItsStatementDigest() throws Exception {
        Thread sleeper = new Thread(() -> {
            try (Connection app = DriverManager.getConnection(ReplicationPair.url(SOURCE, "pit_gate_sess"), "pit_gate_app",
                    "app-secret"); Statement st = app.createStatement()) {
                st.executeUpdate("UPDATE pit_gate_sess.orders SET note = 'x' WHERE id = 42 AND SLEEP(3) = 0");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ReplicationPair.execute(SOURCE, "REPLACE INTO pit_gate_sess.orders VALUES (42, 'slow')");
        sleeper.start();
        ReplicationPair.sleep(700);
        CliRun run = gate("pit_gate_sess_dml", "[parity_repl]");
        sleeper.join();

        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode s = GateEvidence.lastObservation(evidence("pit_gate_sess_dml")).get("offenders").get(0);
        assertEquals("pit_gate_app", s.get("user").asString());
        assertEquals("update pit_gate_sess.orders set note = ? where id = ? and sleep(?) = ?",
                s.get("statement_shape").asString());
        assertEquals(16, s.get("statement_digest").asString().length());
    }

    /**
     * An autocommit writer is idle between its statements, so no sample sees it write; the position it moves does. With
     * {@code watch} the gate names it (connected while the position moved) and passes only after a quiet watch.
     */
    @Test
    void aWatchNamesAnAutocommitWriterTheSamplesMissAndPassesOnceItStops() throws Exception {
        Path spec = ReplicationPair.spec(dir, "pit_gate_sess_watch", "pit_gate_sess", "cutover:\n  steps:\n"
                + "    - gate: sessions\n      allow: [parity_repl]\n      watch: 3s\n      timeout: 5s\n"
                + "      interval: 500ms\n");
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        CliRun caught;
        try (Connection app = DriverManager.getConnection(ReplicationPair.url(SOURCE, "pit_gate_sess"), "pit_gate_app",
                "app-secret"); Statement st = app.createStatement()) {
            Thread writer = new Thread(() -> {
                for (int i = 100; writing.get(); i++) {
                    try {
                        // a new value each time: a REPLACE of an identical row writes nothing to the binlog
                        st.executeUpdate("REPLACE INTO pit_gate_sess.orders VALUES (" + (i % 5 + 100) + ", 'autocommit "
                                + i + "')");
                        Thread.sleep(700);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            writer.start();
            caught = CliRun.run(dir, "gate", "sessions", "--job", spec.toString(), "--report-dir",
                    dir.resolve("reports").toString());
            writing.set(false);
            writer.join();
        }

        assertEquals(1, caught.exitCode(), caught.out() + caught.err());
        String reason = evidence("pit_gate_sess_watch").get("reason").asString();
        assertTrue(reason.contains("; during the watch: ") && reason.contains("source position moved ")
                && reason.contains("while connected outside the allow-list: pit_gate_app@127.0.0.1"), reason);
        assertTrue(reason.contains("still not met after"), reason);

        CliRun quiet = CliRun.run(dir, "gate", "sessions", "--job", spec.toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertEquals(0, quiet.exitCode(), quiet.out() + quiet.err());
        JsonNode e = evidence("pit_gate_sess_watch");
        assertTrue(e.get("reason").asString().startsWith("no writer outside the allow-list and source position "),
                e.get("reason").asString());
        assertTrue(e.get("waited").get("waited_ms").asLong() >= 3000, e.get("waited").toString());
    }
}
