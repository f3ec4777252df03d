package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.parity.it.PostgresPair.PRIMARY;
import static io.parity.it.PostgresPair.STANDBY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cutover gates on PostgreSQL, on the real pair of {@code sql/testbed/postgres-pair.sh} (primary 5433 streaming
 * to the standby 5434), each failing and passing on real conditions: a writer and {@code default_transaction_read_only},
 * a session idle in a transaction, table privileges revoked by the printed statements, and a standby whose replay is
 * paused.
 */
class GatePostgresIT {

    static final String DB = "pit_pg_gate";

    @TempDir
    static Path dir;

    @BeforeAll
    static void pair() {
        PostgresPair.start();
        PostgresPair.recreate(DB);
        PostgresPair.execute(PRIMARY, DB, "DROP ROLE IF EXISTS pit_pg_app", "DROP ROLE IF EXISTS pit_pg_mig",
                "DROP ROLE IF EXISTS pit_pg_nobody", "CREATE ROLE pit_pg_app LOGIN", "CREATE ROLE pit_pg_mig LOGIN",
                "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v int)"
                        + " WITH (autovacuum_enabled = false)",
                "GRANT SELECT, INSERT ON t TO pit_pg_app");
        PostgresPair.awaitReplayed();
    }

    @AfterEach
    void reset() {
        PostgresPair.resumeReplay();
        PostgresPair.execute(PRIMARY, "postgres", "ALTER DATABASE " + DB + " RESET default_transaction_read_only");
    }

    private static CliRun gate(String name, Path spec) {
        return CliRun.run(dir, "gate", name, "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString());
    }

    private static JsonNode evidence(String job, String gate) {
        return GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), job), gate);
    }

    private static Path spec(String job, String step) {
        return PostgresPair.spec(dir, job, DB, STANDBY, "cutover:\n  steps:\n    - gate: " + step + "\n");
    }

    /** Inserts a row every 50 ms until closed, after the given session statements. */
    static final class Writer implements AutoCloseable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong rows = new AtomicLong();
        final Thread thread;

        Writer(String... sessionSetup) {
            thread = new Thread(() -> {
                try (Connection c = PostgresPair.connect(PRIMARY, DB); Statement st = c.createStatement()) {
                    for (String s : sessionSetup) {
                        st.execute(s);
                    }
                    while (running.get()) {
                        st.executeUpdate("INSERT INTO t (v) VALUES (1)");
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

    @Test
    void writesStoppedFailsWhileTheDatabaseAcceptsWrites() throws Exception {
        Path spec = spec("pit_pg_ws_off", "writes-stopped\n      stable-for: 2s\n      timeout: 4s");
        CliRun run;
        try (Writer writer = new Writer()) {
            PostgresPair.sleep(200);
            run = gate("writes-stopped", spec);
            assertTrue(writer.rows.get() > 0);
        }

        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode e = evidence("pit_pg_ws_off", "writes-stopped");
        JsonNode last = GateEvidence.lastObservation(e);
        assertFalse(last.get("read_only").asBoolean());
        assertEquals("default_transaction_read_only", last.get("read_only_setting").asString());
        assertTrue(last.get("position").asString().matches("[0-9A-F]+/[0-9A-F]+"), last.toString());
        assertTrue(e.get("reason").asString().contains("default_transaction_read_only is OFF"), e.get("reason").asString());
    }

    @Test
    void aWriterThatOverridesReadOnlyKeepsTheWalMovingUntilTheTimeout() throws Exception {
        Path spec = spec("pit_pg_ws_moving", "writes-stopped\n      stable-for: 2s\n      timeout: 4s\n      interval: 500ms");
        PostgresPair.execute(PRIMARY, "postgres", "ALTER DATABASE " + DB + " SET default_transaction_read_only = on");
        CliRun run;
        try (Writer writer = new Writer("SET default_transaction_read_only = off")) {
            run = gate("writes-stopped", spec);
            assertTrue(writer.rows.get() > 0);
        }

        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode e = evidence("pit_pg_ws_moving", "writes-stopped");
        JsonNode series = e.get("observations");
        assertTrue(series.size() >= 4, series.toString());
        assertTrue(series.get(0).get("values").get("read_only").asBoolean(), "ALTER DATABASE ... SET counts at once");
        assertNotEquals(series.get(0).get("values").get("position").asString(),
                series.get(series.size() - 1).get("values").get("position").asString());
        assertTrue(e.get("reason").asString().contains("position moved"), e.get("reason").asString());
    }

    @Test
    void writesStoppedPassesOnceTheDatabaseIsReadOnlyAndTheWalStands() {
        Path spec = spec("pit_pg_ws_on", "writes-stopped\n      stable-for: 2s\n      timeout: 30s\n      interval: 500ms");
        PostgresPair.execute(PRIMARY, "postgres", "ALTER DATABASE " + DB + " SET default_transaction_read_only = on");

        CliRun run = gate("writes-stopped", spec);

        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode e = evidence("pit_pg_ws_on", "writes-stopped");
        assertEquals("PASS", e.get("status").asString());
        assertTrue(e.get("reason").asString().startsWith("default_transaction_read_only ON and position"),
                e.get("reason").asString());
        assertTrue(GateEvidence.lastObservation(e).get("read_only").asBoolean());
    }

    @Test
    void aSessionIdleInATransactionFailsUntilItEndsOrIsAllowed() throws Exception {
        long pid;
        try (Connection app = PostgresPair.connect(PRIMARY, DB, "pit_pg_app"); Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid(), count(*) FROM t")) {
                rs.next();
                pid = rs.getLong(1);
            }
            PostgresPair.sleep(1100);

            CliRun denied = gate("sessions", spec("pit_pg_sess_denied", "sessions\n      allow: []"));
            CliRun allowed = gate("sessions", spec("pit_pg_sess_allowed", "sessions\n      allow: [pit_pg_app]"));

            assertEquals(1, denied.exitCode(), denied.out() + denied.err());
            JsonNode e = evidence("pit_pg_sess_denied", "sessions");
            JsonNode offenders = GateEvidence.lastObservation(e).get("offenders");
            assertEquals(1, offenders.size(), offenders.toString());
            JsonNode s = offenders.get(0);
            assertEquals(pid, s.get("id").asLong());
            assertEquals("pit_pg_app", s.get("user").asString());
            assertTrue(s.get("host").asString().startsWith("127.0.0.1:"), s.toString());
            assertTrue(s.get("in_transaction").asBoolean());
            assertTrue(s.get("age_seconds").asLong() >= 1, s.toString());
            assertEquals("select pg_backend_pid(), count(*) from t", s.get("statement_shape").asString());
            assertTrue(e.get("reason").asString().contains("session " + pid + " pit_pg_app@127.0.0.1"),
                    e.get("reason").asString());

            assertEquals(0, allowed.exitCode(), allowed.out() + allowed.err());
            assertEquals(1, GateEvidence.lastObservation(evidence("pit_pg_sess_allowed", "sessions"))
                    .get("allowed_writers").asLong());
            app.commit();

            CliRun after = gate("sessions", spec("pit_pg_sess_after", "sessions\n      allow: []"));
            assertEquals(0, after.exitCode(), after.out() + after.err());
            assertEquals(0, GateEvidence.lastObservation(evidence("pit_pg_sess_after", "sessions"))
                    .get("offenders").size());
        }
    }

    @Test
    void grantsPrintsRevokeStatementsThatPsqlAppliesAndThenPasses() throws Exception {
        PostgresPair.execute(PRIMARY, DB, "CREATE SCHEMA \"Odd schema\"",
                "CREATE TABLE \"Odd schema\".\"Odd \"\"T\"\"\" (id int PRIMARY KEY)",
                "CREATE TABLE owned (id int PRIMARY KEY)", "ALTER TABLE owned OWNER TO pit_pg_mig",
                "GRANT SELECT, INSERT, UPDATE ON t TO pit_pg_mig",
                "GRANT SELECT, DELETE, TRUNCATE ON \"Odd schema\".\"Odd \"\"T\"\"\" TO pit_pg_mig");
        Path spec = spec("pit_pg_grants", "grants\n      side: source\n      accounts: [pit_pg_mig, pit_pg_nobody]");

        CliRun failed = gate("grants", spec);

        assertEquals(1, failed.exitCode(), failed.out() + failed.err());
        JsonNode v = GateEvidence.lastObservation(evidence("pit_pg_grants", "grants"));
        List<String> revokes = new ArrayList<>();
        v.get("revoke").forEach(r -> revokes.add(r.asString()));
        assertEquals(List.of(
                "REVOKE DELETE, TRUNCATE ON TABLE \"Odd schema\".\"Odd \"\"T\"\"\" FROM \"pit_pg_mig\";",
                "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE \"public\".\"owned\""
                        + " FROM \"pit_pg_mig\";",
                "REVOKE INSERT, UPDATE ON TABLE \"public\".\"t\" FROM \"pit_pg_mig\";"), revokes);
        assertFalse(v.get("accounts").get(1).get("exists").asBoolean(), "pit_pg_nobody does not exist");

        Path fix = dir.resolve("revoke.sql");
        Files.write(fix, revokes);
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", String.valueOf(PRIMARY), "-U", "postgres",
                "-d", DB, "-v", "ON_ERROR_STOP=1", "-q", "-f", fix.toString()).redirectErrorStream(true).start();
        String out = new String(psql.getInputStream().readAllBytes());
        assertEquals(0, psql.waitFor(), out);
        assertEquals("false|true", PostgresPair.query(PRIMARY, DB, "SELECT has_table_privilege('pit_pg_mig', 't', 'INSERT')"
                + " || '|' || has_table_privilege('pit_pg_mig', 't', 'SELECT')"), "writes gone, reads kept");

        CliRun passed = gate("grants", spec);
        assertEquals(0, passed.exitCode(), passed.out() + passed.err());
        assertEquals(0, GateEvidence.lastObservation(evidence("pit_pg_grants", "grants")).get("revoke").size());
    }

    @Test
    void lagPassesWhileTheStandbyReplaysAndFailsWhileReplayIsPaused() {
        CliRun passed = gate("lag", spec("pit_pg_lag_ok", "lag\n      max-delay: 5s\n      timeout: 20s"));

        assertEquals(0, passed.exitCode(), passed.out() + passed.err());
        JsonNode ok = GateEvidence.lastObservation(evidence("pit_pg_lag_ok", "lag"));
        assertEquals("standby", ok.get("replica_kind").asString());
        assertEquals("Yes", ok.get("io_running").asString());
        assertEquals("Yes", ok.get("sql_running").asString());
        assertTrue(ok.get("heartbeat_visible").asBoolean());
        JsonNode replicas = ok.get("source_replicas");
        assertEquals(1, replicas.size(), replicas.toString());
        assertEquals("streaming", replicas.get(0).get("state").asString());
        assertEquals("127.0.0.1", replicas.get(0).get("client").asString());

        PostgresPair.pauseReplay();
        CliRun failed = gate("lag", spec("pit_pg_lag_paused", "lag\n      max-delay: 1s\n      timeout: 3s"));

        assertEquals(1, failed.exitCode(), failed.out() + failed.err());
        JsonNode e = evidence("pit_pg_lag_paused", "lag");
        JsonNode paused = GateEvidence.lastObservation(e);
        assertEquals("No", paused.get("sql_running").asString());
        assertFalse(paused.get("heartbeat_visible").asBoolean());
        assertTrue(e.get("reason").asString().contains("standby replay"), e.get("reason").asString());
        assertTrue(e.get("reason").asString().contains("waiting will not help: standby replay is paused"),
                e.get("reason").asString());
        assertEquals(1, e.get("observations").size(), "paused replay fails at once, not at the timeout");
        assertTrue(paused.get("source_replicas").get(0).get("bytes_behind").asLong() > 0,
                "the primary sees the WAL the paused standby has not replayed: " + paused);
    }

    @Test
    void aRunbookOnPostgresPassesEndToEndWithTheSourceReadOnly() throws Exception {
        Path spec = PostgresPair.spec(dir, "pit_pg_flow", DB, STANDBY, "cutover:\n  steps:\n"
                + "    - gate: writes-stopped\n      stable-for: 2s\n      timeout: 40s\n      interval: 500ms\n"
                + "    - gate: sessions\n"
                + "    - gate: caught-up\n      period: 2s\n      interval: 500ms\n      timeout: 30s\n"
                + "    - gate: consistent\n"
                + "    - gate: grants\n      side: source\n      accounts: [pit_pg_app]\n      required: false\n");
        PostgresPair.execute(PRIMARY, "postgres", "ALTER DATABASE " + DB + " SET default_transaction_read_only = on");

        CliRun run = CliRun.run(dir, "cutover", "--job", spec.toString(), "--report-dir", dir.resolve("flow").toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        Path flow = dir.resolve("flow");
        assertEquals("PASS", GateEvidence.latest(flow, "pit_pg_flow", "01-writes-stopped").get("status").asString());
        JsonNode caughtUp = GateEvidence.latest(flow, "pit_pg_flow", "03-caught-up");
        assertEquals("PASS", caughtUp.get("status").asString());
        assertEquals("standby", GateEvidence.lastObservation(caughtUp).get("replica_kind").asString());
        assertTrue(GateEvidence.lastObservation(caughtUp).get("heartbeat_visible").asBoolean(),
                "the heartbeat is written through default_transaction_read_only");
        assertEquals(0, GateEvidence.lastObservation(GateEvidence.latest(flow, "pit_pg_flow", "04-consistent"))
                .get("differing_rows").asLong());
        JsonNode grants = GateEvidence.latest(flow, "pit_pg_flow", "05-grants");
        assertEquals("FAIL", grants.get("status").asString(), "pit_pg_app may still INSERT into t (advisory)");
        assertTrue(grants.get("reason").asString().contains("REVOKE INSERT ON TABLE \"public\".\"t\" FROM \"pit_pg_app\";"),
                grants.get("reason").asString());
    }

    @Test
    void aStandbyCannotTakeTheCanarySoReverseReplicationCannotMeasure() {
        CliRun run = gate("reverse-replication", spec("pit_pg_rev_standby", "reverse-replication\n      within: 2s"));

        assertEquals(3, run.exitCode(), run.out() + run.err());
        JsonNode e = evidence("pit_pg_rev_standby", "reverse-replication");
        assertEquals("ERROR", e.get("status").asString());
        assertTrue(e.get("reason").asString().contains("read-only"), e.get("reason").asString());
    }

    @Test
    void backupGateReadsTheOperatorsQueryOnPostgres() {
        Path old = spec("pit_pg_backup_old", "backup\n      query: \"SELECT now() - interval '2 hours'\"\n      max-age: 1h");
        Path fresh = spec("pit_pg_backup_fresh", "backup\n      query: \"SELECT now() - interval '2 hours'\"\n      max-age: 3h");

        CliRun failed = gate("backup", old);
        CliRun passed = gate("backup", fresh);

        assertEquals(1, failed.exitCode(), failed.out() + failed.err());
        assertEquals(0, passed.exitCode(), passed.out() + passed.err());
        long age = GateEvidence.lastObservation(evidence("pit_pg_backup_fresh", "backup")).get("age_seconds").asLong();
        assertTrue(age >= 7200 && age < 7300, "age " + age);
    }
}
