package io.parity.gate;

import io.parity.spec.GateSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure decisions of the polling gates, over hand-built observation series. */
class GateDecisionsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Observation at(long seconds, Object... kv) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], kv[i + 1]);
        }
        return new Observation(T0.plusSeconds(seconds), "obs@" + seconds, values);
    }

    private static GateSettings settings(Gate gate, Object... kv) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], kv[i + 1]);
        }
        return GateSettings.of(gate.name(), values);
    }

    private static Observation lag(long s, boolean visible, long delayMs, String sql, Long behind) {
        return at(s, "heartbeat_visible", visible, "heartbeat_delay_ms", delayMs, "native_replica", true,
                "io_running", "Yes", "sql_running", sql, "seconds_behind", behind);
    }

    @Test
    void lagPassesOnlyWhenBothMeasuresAreUnderTheThreshold() {
        LagGate gate = new LagGate();
        GateSettings s = settings(gate, "max-delay", "5s");
        assertEquals(GateStatus.PASS, gate.decide(List.of(lag(0, true, 120, "Yes", 0L)), s).status());
        assertEquals(GateStatus.WAIT, gate.decide(List.of(lag(0, true, 5000, "Yes", 0L)), s).status());
        assertEquals(GateStatus.WAIT, gate.decide(List.of(lag(0, true, 120, "Yes", 5L)), s).status());
        Decision stopped = gate.decide(List.of(lag(0, false, 5000, "No", null)), s);
        assertEquals(GateStatus.FAIL, stopped.status(), "a stopped SQL thread does not restart by itself");
        assertTrue(stopped.reason().contains("waiting will not help: the replica SQL thread is stopped"), stopped.reason());
        assertTrue(stopped.reason().contains("replica SQL thread is No"), stopped.reason());
        assertTrue(stopped.reason().contains("Seconds_Behind is NULL"), stopped.reason());
        assertTrue(stopped.reason().contains("heartbeat not visible"), stopped.reason());
    }

    @Test
    void lagOnAPostgresStandbyNamesItsReceiverAndReplay() {
        LagGate gate = new LagGate();
        GateSettings s = settings(gate, "max-delay", "5s");
        Observation paused = at(0, "heartbeat_visible", false, "heartbeat_delay_ms", 5000L, "native_replica", true,
                "replica_kind", "standby", "io_running", "Yes", "sql_running", "No", "seconds_behind", null);
        Decision d = gate.decide(List.of(paused), s);
        assertEquals(GateStatus.FAIL, d.status(), "paused replay does not resume by itself");
        assertTrue(d.reason().contains("standby replay (No = paused) is No"), d.reason());
        assertTrue(d.reason().contains("standby replay is paused (SELECT pg_wal_replay_resume()"), d.reason());
        assertTrue(d.reason().contains("replay delay is NULL"), d.reason());
        assertTrue(!d.reason().contains("SQL thread"), d.reason());
    }

    @Test
    void lagOnALogicalSubscriberNeedsItsWorkerAndTheHeartbeat() {
        LagGate gate = new LagGate();
        GateSettings s = settings(gate, "max-delay", "5s");
        Observation running = at(0, "heartbeat_visible", true, "heartbeat_delay_ms", 300L, "native_replica", true,
                "replica_kind", "subscription", "io_running", "Yes", "sql_running", "Yes", "seconds_behind", null);
        assertEquals(GateStatus.PASS, gate.decide(List.of(running), s).status(), "the server reports no delay");
        Observation stopped = at(0, "heartbeat_visible", true, "heartbeat_delay_ms", 300L, "native_replica", true,
                "replica_kind", "subscription", "io_running", "No", "sql_running", "Yes", "seconds_behind", null);
        Decision d = gate.decide(List.of(stopped), s);
        assertEquals(GateStatus.WAIT, d.status());
        assertTrue(d.reason().contains("subscription apply worker is No"), d.reason());
    }

    private static Observation mysqlReplica(String io, String sql, String sqlError, String ioError) {
        return at(0, "heartbeat_visible", false, "heartbeat_delay_ms", 5000L, "native_replica", true,
                "io_running", io, "sql_running", sql, "seconds_behind", null, "last_sql_error", sqlError,
                "last_io_error", ioError);
    }

    @Test
    void lagFailsAtOnceOnlyOnStatesThatCannotHealByThemselves() {
        LagGate gate = new LagGate();
        GateSettings s = settings(gate, "max-delay", "5s");
        record Case(Observation o, GateStatus expected, String says) {
        }
        for (Case c : List.of(
                new Case(mysqlReplica("Connecting", "Yes", "", "error reconnecting to master"), GateStatus.WAIT,
                        "IO thread is Connecting"),
                new Case(mysqlReplica("Yes", "Yes", "", ""), GateStatus.WAIT, "heartbeat not visible"),
                new Case(mysqlReplica("No", "Yes", "", ""), GateStatus.FAIL, "the replica IO thread is stopped"),
                new Case(mysqlReplica("No", "Yes", "", "Got fatal error 1236"), GateStatus.FAIL,
                        "IO thread is stopped on error: Got fatal error 1236"),
                new Case(mysqlReplica("Yes", "No", "Could not execute Write_rows_v1", ""), GateStatus.FAIL,
                        "SQL thread is stopped on error: Could not execute Write_rows_v1"),
                new Case(mysqlReplica("Yes", "Yes", "Error 'Duplicate entry'", ""), GateStatus.FAIL,
                        "replication SQL error: Error 'Duplicate entry'"),
                new Case(at(0, "heartbeat_visible", false, "heartbeat_delay_ms", 5000L, "native_replica", true,
                        "replica_kind", "subscription", "io_running", "No", "sql_running", "No"), GateStatus.FAIL,
                        "the subscription is disabled"),
                new Case(at(0, "heartbeat_visible", false, "heartbeat_delay_ms", 5000L, "native_replica", true,
                        "replica_kind", "subscription", "io_running", "No", "sql_running", "Yes"), GateStatus.WAIT,
                        "subscription apply worker is No"),
                new Case(at(0, "heartbeat_visible", false, "heartbeat_delay_ms", 5000L, "native_replica", true,
                        "replica_kind", "standby", "io_running", "No", "sql_running", "Yes", "seconds_behind", null),
                        GateStatus.WAIT, "standby WAL receiver is No"))) {
            Decision d = gate.decide(List.of(c.o()), s);
            assertEquals(c.expected(), d.status(), c.o().values() + " -> " + d.reason());
            assertTrue(d.reason().contains(c.says()), d.reason());
        }
        Decision caughtUp = new CaughtUpGate().decide(List.of(mysqlReplica("Yes", "No", "", "")),
                settings(new CaughtUpGate(), "period", "10s"));
        assertEquals(GateStatus.FAIL, caughtUp.status(), caughtUp.reason());
    }

    @Test
    void movementSaysWhatChangedBetweenTheFirstAndTheLastObservation() {
        LagGate lag = new LagGate();
        assertEquals("", lag.movement(List.of(lag(0, true, 120, "Yes", 0L))));
        assertEquals("heartbeat not visible after 5 s -> 120 ms, Seconds_Behind NULL -> 0 s, replica SQL thread No -> Yes",
                lag.movement(List.of(lag(0, false, 5000, "No", null), lag(3, true, 800, "Yes", 2L),
                        lag(6, true, 120, "Yes", 0L))));
        WritesStoppedGate ws = new WritesStoppedGate();
        assertEquals("source position 0-1-7 did not move", ws.movement(List.of(ws(0, true, "0-1-7"), ws(2, true, "0-1-7"))));
        assertEquals("read_only OFF -> ON, source position moved 2 times, 0-1-5 -> 0-1-7",
                ws.movement(List.of(ws(0, false, "0-1-5"), ws(1, true, "0-1-6"), ws(2, true, "0-1-7"), ws(3, true, "0-1-7"))));
    }

    private static Observation watched(long s, String position, List<?> offenders, List<String> connected) {
        return at(s, "offenders", offenders, "position", position, "connected", connected);
    }

    @Test
    void sessionsWatchNamesEveryAccountThatWroteAndPassesOnlyAfterAQuietWatch() {
        SessionsGate gate = new SessionsGate();
        GateSettings s = settings(gate, "watch", "10s", "timeout", "1m");
        Map<String, Object> app = Map.of("user", "app", "host", "10.0.0.5:51234");
        Observation busy = watched(0, "0-1-5", List.of(app), List.of("app@10.0.0.5"));
        Observation between = watched(2, "0-1-9", List.of(), List.of("app@10.0.0.5", "bob@%"));
        Observation quiet1 = watched(4, "0-1-9", List.of(), List.of());
        Observation quiet2 = watched(14, "0-1-9", List.of(), List.of());

        Decision waiting = gate.decide(List.of(busy, between, quiet1), s);
        assertEquals(GateStatus.WAIT, waiting.status());
        assertEquals("quiet for 2 s of 10 s; during the watch: accounts seen writing: app@10.0.0.5 (1 sample); source"
                + " position moved 1 time, 0-1-5 -> 0-1-9, while connected outside the allow-list: app@10.0.0.5, bob@%",
                waiting.reason());
        Decision passed = gate.decide(List.of(busy, between, quiet1, quiet2), s);
        assertEquals(GateStatus.PASS, passed.status(), passed.reason());
        assertTrue(passed.reason().startsWith("no writer outside the allow-list and source position 0-1-9 unchanged for"
                + " 12 s across 3 observations (watch 10 s); earlier in the watch: accounts seen writing: app@10.0.0.5"),
                passed.reason());
        Decision autocommit = gate.decide(List.of(watched(0, "0-1-5", List.of(), List.of("app@10.0.0.5")),
                watched(11, "0-1-6", List.of(), List.of("app@10.0.0.5"))), s);
        assertEquals(GateStatus.WAIT, autocommit.status(), "no writer in any sample, but the position moved");
        assertTrue(autocommit.reason().contains("moved 1 time, 0-1-5 -> 0-1-6, while connected outside the allow-list:"
                + " app@10.0.0.5"), autocommit.reason());
        assertEquals(GateStatus.PASS, gate.decide(List.of(watched(0, "0-1-5", List.of(), List.of()),
                watched(10, "0-1-5", List.of(), List.of())), s).status());
    }

    @Test
    void writesStoppedNamesTheEnginesSetting() {
        WritesStoppedGate gate = new WritesStoppedGate();
        GateSettings s = settings(gate, "stable-for", "2s");
        Decision off = gate.decide(List.of(at(0, "read_only", false, "position", "0/3000060",
                "read_only_setting", "default_transaction_read_only")), s);
        assertEquals(GateStatus.FAIL, off.status());
        assertTrue(off.reason().contains("default_transaction_read_only is OFF"), off.reason());
        Decision held = gate.decide(List.of(
                at(0, "read_only", true, "position", "0/3000060", "read_only_setting", "default_transaction_read_only"),
                at(3, "read_only", true, "position", "0/3000060", "read_only_setting", "default_transaction_read_only")), s);
        assertEquals(GateStatus.PASS, held.status());
        assertTrue(held.reason().startsWith("default_transaction_read_only ON and position 0/3000060"), held.reason());
    }

    @Test
    void lagWithoutNativeReplicationUsesTheHeartbeatAlone() {
        LagGate gate = new LagGate();
        Observation other = at(0, "heartbeat_visible", true, "heartbeat_delay_ms", 900L, "native_replica", false);
        assertEquals(GateStatus.PASS, gate.decide(List.of(other), settings(gate, "max-delay", "1s")).status());
        assertEquals(GateStatus.WAIT, gate.decide(List.of(other), settings(gate, "max-delay", "900ms")).status());
    }

    @Test
    void caughtUpNeedsAnUnbrokenRunAtZeroAsLongAsThePeriod() {
        CaughtUpGate gate = new CaughtUpGate();
        GateSettings s = settings(gate, "period", "10s");
        Observation zero0 = at(0, "at_zero", true);
        Observation broken = at(5, "at_zero", false);
        Observation zero6 = at(6, "at_zero", true);
        Observation zero12 = at(12, "at_zero", true);
        Observation zero16 = at(16, "at_zero", true);

        assertEquals(GateStatus.WAIT, gate.decide(List.of(zero0, broken, zero6, zero12), s).status());
        Decision pass = gate.decide(List.of(zero0, broken, zero6, zero12, zero16), s);
        assertEquals(GateStatus.PASS, pass.status());
        assertTrue(pass.reason().contains("at zero for 10 s across 3 observations"), pass.reason());
        assertEquals(GateStatus.PASS, gate.decide(List.of(zero0, zero12), s).status());
        assertEquals(GateStatus.WAIT, gate.decide(List.of(zero0, zero12, broken), s).status());
    }

    private static Observation ws(long s, boolean readOnly, String position) {
        return at(s, "read_only", readOnly, "position", position);
    }

    @Test
    void writesStoppedFailsAtOnceWhenWritableAndWaitsWhileThePositionMoves() {
        WritesStoppedGate gate = new WritesStoppedGate();
        GateSettings s = settings(gate, "stable-for", "3s");

        Decision writable = gate.decide(List.of(ws(0, false, "1-1-5")), s);
        assertEquals(GateStatus.FAIL, writable.status());
        assertTrue(writable.reason().contains("read_only is OFF"));

        Decision moving = gate.decide(List.of(ws(0, true, "1-1-5"), ws(1, true, "1-1-6"), ws(2, true, "1-1-6")), s);
        assertEquals(GateStatus.WAIT, moving.status());
        assertTrue(moving.reason().contains("position moved from 1-1-5 to 1-1-6"), moving.reason());

        assertEquals(GateStatus.PASS, gate.decide(List.of(ws(0, true, "1-1-5"), ws(1, true, "1-1-6"),
                ws(4, true, "1-1-6")), s).status());
        assertEquals(GateStatus.WAIT, gate.decide(List.of(ws(0, false, "1-1-5"), ws(1, true, "1-1-5"),
                ws(3, true, "1-1-5")), s).status(), "the window starts when read_only came on");
    }

    @Test
    void backupAndConsistentJudgeAge() {
        BackupGate backup = new BackupGate();
        GateSettings day = settings(backup, "max-age", "24h", "file", "x");
        assertEquals(GateStatus.PASS, backup.decide(List.of(at(0, "age_seconds", 3600L)), day).status());
        assertEquals(GateStatus.FAIL, backup.decide(List.of(at(0, "age_seconds", 90_000L)), day).status());
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("age_seconds", null);
        assertEquals(GateStatus.FAIL, backup.decide(List.of(new Observation(T0, "none", none)), day).status());

        ConsistentGate consistent = new ConsistentGate();
        Observation clean = at(0, "run_id", 4L, "completed", true, "differing_rows", 0L, "schema_findings", 0L,
                "age_seconds", 7200L);
        Observation dirty = at(0, "run_id", 4L, "completed", true, "differing_rows", 3L, "schema_findings", 0L,
                "age_seconds", 10L);
        assertEquals(GateStatus.PASS, consistent.decide(List.of(clean), settings(consistent)).status());
        assertEquals(GateStatus.FAIL, consistent.decide(List.of(clean), settings(consistent, "max-age", "1h")).status());
        assertEquals(GateStatus.FAIL, consistent.decide(List.of(dirty), settings(consistent)).status());
        Observation notCompared = at(0, "run_id", 5L, "completed", true, "differing_rows", 0L, "schema_findings", 0L,
                "age_seconds", 10L, "verdict", "incomplete");
        assertEquals(GateStatus.FAIL, consistent.decide(List.of(notCompared), settings(consistent)).status(),
                "a table that was not compared proves nothing");
    }
}
