package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.parity.it.PostgresPair.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gates and the LSN fence over logical replication, between two databases of the pair's primary (5433): the
 * source publishes {@code t} and the heartbeat to the destination, and the destination publishes the canary back to
 * the source (reverse replication). Disabling a subscription is the real condition each gate must catch. Logical
 * replication carries no DDL, so the marker tables are created on both sides, as an operator would.
 */
class LogicalPostgresIT {

    static final String SRC = "pit_pg_logi_src";
    static final String DST = "pit_pg_logi_dst";
    static final String MARKER = "(id varchar(128) NOT NULL PRIMARY KEY, seq bigint NOT NULL,"
            + " written_at timestamptz(6) NOT NULL)";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        PostgresPair.start();
        dropAll();
        PostgresPair.execute(PRIMARY, "postgres", "CREATE DATABASE " + SRC, "CREATE DATABASE " + DST);
        for (String db : new String[] {SRC, DST}) {
            PostgresPair.execute(PRIMARY, db, "CREATE TABLE t (id int PRIMARY KEY, v int)", "CREATE SCHEMA parity",
                    "CREATE TABLE parity.parity_heartbeat " + MARKER, "CREATE TABLE parity.parity_canary " + MARKER);
        }
        PostgresPair.execute(PRIMARY, SRC, "CREATE PUBLICATION pit_fwd FOR TABLE t, parity.parity_heartbeat",
                "SELECT pg_create_logical_replication_slot('pit_fwd', 'pgoutput')");
        PostgresPair.execute(PRIMARY, DST, "CREATE PUBLICATION pit_rev FOR TABLE parity.parity_canary",
                "SELECT pg_create_logical_replication_slot('pit_rev', 'pgoutput')");
        // The slots exist already: a subscription cannot create its slot in its own cluster's walsender in time.
        PostgresPair.execute(PRIMARY, DST, subscription("pit_fwd", SRC));
        PostgresPair.execute(PRIMARY, SRC, subscription("pit_rev", DST));
        PostgresPair.execute(PRIMARY, SRC, "INSERT INTO t SELECT g, g FROM generate_series(1, 2000) g");
        awaitRows(2000);
    }

    private static String subscription(String name, String publisherDb) {
        return "CREATE SUBSCRIPTION " + name + " CONNECTION 'host=127.0.0.1 port=" + PRIMARY + " dbname=" + publisherDb
                + " user=postgres' PUBLICATION " + name + " WITH (create_slot = false, slot_name = '" + name
                + "', copy_data = false)";
    }

    /** Subscriptions first (they drop their slots), then any slot left behind, then the databases. */
    private static void dropAll() {
        for (String[] sub : new String[][] {{DST, "pit_fwd"}, {SRC, "pit_rev"}}) {
            if ("1".equals(PostgresPair.query(PRIMARY, "postgres",
                    "SELECT count(*) FROM pg_database WHERE datname = '" + sub[0] + "'"))) {
                PostgresPair.execute(PRIMARY, sub[0], "DROP SUBSCRIPTION IF EXISTS " + sub[1]);
            }
        }
        PostgresPair.execute(PRIMARY, "postgres", "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                        + " WHERE slot_name IN ('pit_fwd', 'pit_rev')",
                "DROP DATABASE IF EXISTS " + SRC + " WITH (FORCE)", "DROP DATABASE IF EXISTS " + DST + " WITH (FORCE)");
    }

    @AfterAll
    static void tearDown() {
        dropAll();
    }

    @AfterEach
    void enable() {
        PostgresPair.execute(PRIMARY, DST, "ALTER SUBSCRIPTION pit_fwd ENABLE");
        PostgresPair.execute(PRIMARY, SRC, "ALTER SUBSCRIPTION pit_rev ENABLE");
        awaitStreaming();
    }

    /**
     * Waits (up to 60 s) until the forward subscription applies again: its apply worker runs and a probe row written
     * on the source arrives. A worker re-enabled right after it was disabled can take a few launcher cycles (the
     * launcher waits wal_retrieve_retry_interval between starts, and the old walsender must let go of the slot), so
     * each test starts from a subscription that is known to stream.
     */
    private static void awaitStreaming() {
        String probe = Long.toString(System.nanoTime() % 1_000_000_000L);
        for (String value : new String[] {probe, "2000"}) { // the probe, then the row as it was
            PostgresPair.execute(PRIMARY, SRC, "UPDATE t SET v = " + value + " WHERE id = 2000");
            boolean arrived = false;
            for (int i = 0; i < 600 && !arrived; i++) {
                arrived = value.equals(PostgresPair.query(PRIMARY, DST, "SELECT v::text FROM t WHERE id = 2000"));
                if (!arrived) {
                    PostgresPair.sleep(100);
                }
            }
            if (!arrived) {
                throw new IllegalStateException("the subscription did not stream again within 60 s" + replicationState());
            }
        }
    }

    private static void awaitRows(long rows) {
        for (int i = 0; i < 200; i++) {
            if (String.valueOf(rows).equals(PostgresPair.query(PRIMARY, DST, "SELECT count(*) FROM t"))) {
                return;
            }
            PostgresPair.sleep(100);
        }
        throw new IllegalStateException("the subscriber did not receive " + rows + " rows");
    }

    /** What the two ends of each subscription show, and the primary's log tail: for a failure message. */
    private static String replicationState() {
        StringBuilder b = new StringBuilder("\n-- replication state --\n");
        b.append("subscriptions: ").append(PostgresPair.query(PRIMARY, DST, "SELECT string_agg(subname || ' pid=' ||"
                + " coalesce(pid::text, '-') || ' received=' || coalesce(received_lsn::text, '-') || ' latest_end='"
                + " || coalesce(latest_end_lsn::text, '-'), '; ') FROM pg_stat_subscription")).append('\n');
        b.append("slots: ").append(PostgresPair.query(PRIMARY, "postgres", "SELECT string_agg(slot_name || ' active='"
                + " || active || ' confirmed=' || coalesce(confirmed_flush_lsn::text, '-'), '; ') FROM pg_replication_slots"))
                .append("\nsource position: ").append(PostgresPair.query(PRIMARY, SRC, "SELECT pg_current_wal_lsn()::text"));
        try {
            List<String> log = Files.readAllLines(Path.of(System.getenv().getOrDefault("PARITY_PG_TESTBED_DIR",
                    "/tmp/parity-pg-testbed"), "primary.log"));
            b.append("\nprimary.log:\n").append(String.join("\n", log.subList(Math.max(0, log.size() - 25), log.size())));
        } catch (Exception e) {
            b.append("\n(no primary.log: ").append(e.getMessage()).append(')');
        }
        return b.toString();
    }

    private static Path spec(String job, String tail) throws Exception {
        Path file = dir.resolve(job + ".yml");
        Files.writeString(file, "name: " + job + "\n"
                + "source:\n  url: " + PostgresPair.url(PRIMARY, SRC) + "\n  user: postgres\n  password: \"\"\n"
                + "destination:\n  url: " + PostgresPair.url(PRIMARY, DST) + "\n  user: postgres\n  password: \"\"\n"
                + "tables: [t]\n" + tail);
        return file;
    }

    private static CliRun gate(String name, Path spec) {
        return CliRun.run(dir, "gate", name, "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString());
    }

    private static JsonNode evidence(String job, String gate) {
        return GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), job), gate);
    }

    @Test
    void lagReadsTheSubscriptionAndFailsWhenItIsDisabled() throws Exception {
        CliRun passed = gate("lag", spec("pit_pg_logi_lag_ok",
                "cutover:\n  steps:\n    - gate: lag\n      max-delay: 5s\n      timeout: 20s\n"));

        assertEquals(0, passed.exitCode(), passed.out() + passed.err());
        JsonNode ok = GateEvidence.lastObservation(evidence("pit_pg_logi_lag_ok", "lag"));
        assertEquals("subscription", ok.get("replica_kind").asString());
        assertEquals("Yes", ok.get("io_running").asString());
        assertTrue(ok.get("heartbeat_visible").asBoolean());

        PostgresPair.execute(PRIMARY, DST, "ALTER SUBSCRIPTION pit_fwd DISABLE");
        CliRun failed = gate("lag", spec("pit_pg_logi_lag_off",
                "cutover:\n  steps:\n    - gate: lag\n      max-delay: 1s\n      timeout: 3s\n"));

        assertEquals(1, failed.exitCode(), failed.out() + failed.err());
        JsonNode e = evidence("pit_pg_logi_lag_off", "lag");
        assertEquals("No", GateEvidence.lastObservation(e).get("sql_running").asString());
        assertFalse(GateEvidence.lastObservation(e).get("heartbeat_visible").asBoolean());
        assertTrue(e.get("reason").asString().contains("subscription apply worker is No"), e.get("reason").asString());
        assertTrue(e.get("reason").asString().contains("waiting will not help: the subscription is disabled"),
                e.get("reason").asString());
        assertEquals(1, e.get("observations").size(), "a disabled subscription fails at once, not at the timeout");
    }

    @Test
    void theCanaryComesBackThroughTheReverseSubscriptionAndNotWithoutIt() throws Exception {
        CliRun passed = gate("reverse-replication", spec("pit_pg_logi_rev_ok",
                "cutover:\n  steps:\n    - gate: reverse-replication\n      within: 10s\n"));

        assertEquals(0, passed.exitCode(), passed.out() + passed.err());
        JsonNode ok = GateEvidence.lastObservation(evidence("pit_pg_logi_rev_ok", "reverse-replication"));
        assertTrue(ok.get("canary_visible").asBoolean());
        assertEquals("subscription", ok.get("source_replica_kind").asString());

        PostgresPair.execute(PRIMARY, SRC, "ALTER SUBSCRIPTION pit_rev DISABLE");
        CliRun failed = gate("reverse-replication", spec("pit_pg_logi_rev_off",
                "cutover:\n  steps:\n    - gate: reverse-replication\n      within: 2s\n"));

        assertEquals(1, failed.exitCode(), failed.out() + failed.err());
        JsonNode e = evidence("pit_pg_logi_rev_off", "reverse-replication");
        assertFalse(GateEvidence.lastObservation(e).get("canary_visible").asBoolean());
        assertTrue(e.get("reason").asString().contains("subscription disabled"), e.get("reason").asString());
    }

    @Test
    void theFenceWaitsForADisabledSubscriptionInsteadOfReportingAnInFlightChange() throws Exception {
        PostgresPair.execute(PRIMARY, DST, "ALTER SUBSCRIPTION pit_fwd DISABLE");
        PostgresPair.execute(PRIMARY, SRC, "UPDATE t SET v = -1 WHERE id = 1234");
        String options = "options:\n  recheck: { attempts: 0 }\n";

        CliRun unfenced = CliRun.run(dir.resolve("r1"), "verify", "--job", spec("pit_pg_logi_unfenced", options)
                .toString(), "--report-dir", dir.resolve("reports").toString());
        assertEquals(1, unfenced.exitCode(), unfenced.out() + unfenced.err());
        assertTrue(unfenced.out().contains("1 rows differ"), unfenced.out());

        CompletableFuture<Void> enable = CompletableFuture.runAsync(() -> {
            PostgresPair.sleep(2000);
            PostgresPair.execute(PRIMARY, DST, "ALTER SUBSCRIPTION pit_fwd ENABLE");
        });
        long start = System.nanoTime();
        CliRun fenced = CliRun.run(dir.resolve("r2"), "verify", "--job", spec("pit_pg_logi_fenced",
                options + "  fence: lsn\n  fence-timeout: 90s\n").toString(), "--report-dir",
                dir.resolve("reports").toString());
        enable.join();
        assertEquals(0, fenced.exitCode(), () -> fenced.out() + fenced.err() + replicationState());
        assertTrue((System.nanoTime() - start) / 1_000_000 > 1500, "waited for the subscriber");
    }

    /**
     * The publisher's side of the fence: the slot that feeds the destination confirms what the subscriber applied (a
     * written row, once it is on the destination), never a position beyond it, and a slot that is not there confirms
     * nothing.
     */
    @Test
    void theSourceSlotConfirmsWhatTheSubscriberApplied() throws Exception {
        var replication = new io.parity.engine.postgres.PostgresEngine("15").replication().orElseThrow();
        PostgresPair.execute(PRIMARY, SRC, "UPDATE t SET v = -3 WHERE id = 7");
        String position = PostgresPair.query(PRIMARY, SRC, "SELECT pg_current_wal_lsn()::text");
        for (int i = 0; i < 100 && !"-3".equals(PostgresPair.query(PRIMARY, DST, "SELECT v FROM t WHERE id = 7")); i++) {
            PostgresPair.sleep(100);
        }
        assertEquals(List.of("pit_fwd"), names(DST, replication.subscribedSlots().orElseThrow()));
        assertEquals(0, confirmed(replication.slotsConfirmed(position, List.of("pit_fwd")).orElseThrow(), 50),
                replicationState());
        assertEquals(1, confirmed(replication.slotsConfirmed("FFFFFFFF/0", List.of("pit_fwd")).orElseThrow(), 1));
        assertEquals(1, confirmed(replication.slotsConfirmed(position, List.of("pit_fwd", "no_such_slot")).orElseThrow(), 1));
        assertTrue(replication.slotsConfirmed(position, List.of()).isEmpty());
    }

    private static List<String> names(String db, String sql) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (var c = PostgresPair.connect(PRIMARY, db); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The query's answer, asked up to {@code tries} times 100 ms apart until it is 0. */
    private static int confirmed(io.parity.engine.SqlStatement ask, int tries) throws Exception {
        int answer = -1;
        for (int i = 0; i < tries && answer != 0; i++) {
            if (i > 0) {
                PostgresPair.sleep(100);
            }
            try (var c = PostgresPair.connect(PRIMARY, SRC); var ps = ask.prepare(c); var rs = ps.executeQuery()) {
                rs.next();
                answer = rs.getInt(1);
            }
        }
        return answer;
    }

    /**
     * Default options see the subscription (it reads from one of the source database's own slots) and fence by LSN;
     * with the subscription disabled they re-check until the destination is quiet instead, and say so.
     */
    @Test
    void defaultOptionsSeeTheSubscriptionBySlot() throws Exception {
        CliRun seen = CliRun.run(dir.resolve("r5"), "verify", "--job", spec("pit_pg_logi_auto",
                "options:\n  fence-timeout: 90s\n").toString(),
                "--report-dir", dir.resolve("reports").toString());
        assertEquals(0, seen.exitCode(), () -> seen.out() + seen.err() + replicationState());
        String summary = Files.readString(dir.resolve("reports/pit_pg_logi_auto/1/summary.json"));
        assertTrue(summary.contains("\"mode\" : \"gtid-fence\"") && summary.contains("(logical slot pit_fwd)"), summary);

        PostgresPair.execute(PRIMARY, DST, "ALTER SUBSCRIPTION pit_fwd DISABLE");
        CliRun stopped = CliRun.run(dir.resolve("r6"), "verify", "--job", spec("pit_pg_logi_off", "").toString(),
                "--report-dir", dir.resolve("reports").toString());
        assertEquals(0, stopped.exitCode(), stopped.out() + stopped.err());
        String off = Files.readString(dir.resolve("reports/pit_pg_logi_off/1/summary.json"));
        assertTrue(off.contains("\"mode\" : \"recheck-until-quiet\"") && off.contains("replication from the source is stopped"),
                off);
    }

    /**
     * The native actions on PostgreSQL: stop-replication disables the destination database's subscription and
     * records its final LSN, start-replication enables it again and waits for the apply worker, read-only sets the
     * database's default_transaction_read_only (what writes-stopped reads), each with its undo.
     */
    @Test
    void nativeActionsStopAndStartTheSubscriptionAndSetReadOnly() throws Exception {
        Path spec = spec("pit_pg_logi_actions", "cutover:\n  steps:\n    - action: stop-replication\n"
                + "    - action: start-replication\n      wait: 30s\n    - action: read-only\n      side: destination\n");
        try {
            CliRun run = CliRun.run(dir, "cutover", "--job", spec.toString(), "--report-dir",
                    dir.resolve("reports").toString());
            assertEquals(0, run.exitCode(), () -> run.out() + run.err() + replicationState());
            Path runDir = GateEvidence.latestRun(dir.resolve("reports"), "pit_pg_logi_actions");
            JsonNode stop = GateEvidence.read(runDir, "01-stop-replication");
            assertEquals("PASS", stop.get("status").asString(), stop.toString());
            assertTrue(stop.get("statements").toString().contains("ALTER SUBSCRIPTION \\\"pit_fwd\\\" DISABLE")
                    || stop.get("statements").toString().contains("ALTER SUBSCRIPTION pit_fwd DISABLE"), stop.toString());
            assertTrue(stop.get("final_position").asString().contains("/"), stop.toString());
            assertTrue(stop.get("undo").toString().contains("ENABLE"), stop.toString());
            JsonNode start = GateEvidence.read(runDir, "02-start-replication");
            assertEquals("PASS", start.get("status").asString(), start.toString());
            assertEquals("t", PostgresPair.query(PRIMARY, DST, "SELECT subenabled::text FROM pg_subscription"
                    + " WHERE subname = 'pit_fwd'").substring(0, 1));
            JsonNode readOnly = GateEvidence.read(runDir, "03-read-only");
            assertEquals("PASS", readOnly.get("status").asString(), readOnly.toString());
            assertTrue(readOnly.get("statements").toString().contains("default_transaction_read_only = on"),
                    readOnly.toString());
            assertTrue(PostgresPair.query(PRIMARY, "postgres", "SELECT array_to_string(setconfig, ',') FROM"
                    + " pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = '" + DST
                    + "'").contains("default_transaction_read_only=on"));
        } finally {
            PostgresPair.execute(PRIMARY, "postgres", "ALTER DATABASE " + DST + " RESET default_transaction_read_only");
        }
    }
}
