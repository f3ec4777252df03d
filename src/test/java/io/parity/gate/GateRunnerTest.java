package io.parity.gate;

import io.parity.spec.GateSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The polling loop with a fake clock: WAIT polls, PASS/FAIL end it, a WAIT at the timeout becomes a FAIL. */
class GateRunnerTest {

    /** A clock the fake sleeper moves forward. */
    static final class FakeTime {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }

        GateRunner runner() {
            return new GateRunner(clock(), d -> {
                sleeps.add(d);
                now = now.plus(d);
            });
        }
    }

    /** Waits until its n-th observation, then passes. */
    record Scripted(FakeTime time, int passAt) implements Gate {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Map<String, GateSettings.Kind> settings() {
            return Map.of();
        }

        @Override
        public Observation observe(GateContext context, GateSettings settings) {
            return new Observation(time.now, "obs", Map.of());
        }

        @Override
        public Decision decide(List<Observation> series, GateSettings settings) {
            return series.size() >= passAt ? Decision.pass("ok after " + series.size()) : Decision.waitFor("not yet");
        }
    }

    private static GateSettings settings(String timeout, String interval) {
        return new GateSettings("scripted", Map.of("timeout", timeout, "interval", interval));
    }

    @Test
    void waitPollsAtTheIntervalUntilPass() {
        FakeTime time = new FakeTime();
        GateResult r = time.runner().run(new Scripted(time, 4), null, settings("1m", "2s"));
        assertEquals(GateStatus.PASS, r.status());
        assertEquals(4, r.series().size());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), time.sleeps);
        assertEquals(Duration.ofSeconds(6), r.took());
    }

    @Test
    void waitAtTheTimeoutFailsWithTheWholeSeries() {
        FakeTime time = new FakeTime();
        GateResult r = time.runner().run(new Scripted(time, 100), null, settings("10s", "2s"));
        assertEquals(GateStatus.FAIL, r.status());
        assertEquals(6, r.series().size(), "observations at 0, 2, 4, 6, 8 and 10 s");
        assertTrue(r.decision().reason().startsWith("not yet; still not met after 10 s (timeout 10 s)"),
                r.decision().reason());
    }

    @Test
    void aWaitingGateTellsItsProgressAtTheFirstWaitAndThenAtTheProgressInterval() {
        FakeTime time = new FakeTime();
        List<GateWait> told = new ArrayList<>();
        GateSettings s = new GateSettings("scripted", Map.of("timeout", "1m", "interval", "2s", "progress", "5s"));
        GateResult r = time.runner().reporting(told::add).run(new Scripted(time, 8), null, s);
        assertEquals(GateStatus.PASS, r.status());
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(6), Duration.ofSeconds(12)),
                told.stream().map(GateWait::elapsed).toList(), "at 0 s, then the first observation 5 s or more later");
        assertEquals("gate scripted: not yet; 1 m until timeout", told.get(0).line());
        assertEquals("gate scripted: not yet; 48 s until timeout", told.get(2).line());
    }

    @Test
    void aPassSaysHowLongItWaitedAndAFirstObservationPassSaysItDidNot() {
        FakeTime time = new FakeTime();
        GateResult waited = time.runner().run(new Scripted(time, 4), null, settings("1m", "2s"));
        assertEquals("ok after 4; waited 6 s over 4 observations; meanwhile nothing changed (obs)",
                waited.decision().reason());
        assertEquals(Map.of("observations", 4, "waited_ms", 6000L, "moved", "nothing changed (obs)", "ended", "passed"),
                waited.waited().values());
        List<GateWait> told = new ArrayList<>();
        GateResult at = time.runner().reporting(told::add).run(new Scripted(time, 1), null, settings("1m", "2s"));
        assertEquals("ok after 1; passed at the first observation, no wait", at.decision().reason());
        assertTrue(told.isEmpty(), "a gate that does not wait prints no progress");
        GateResult timedOut = time.runner().run(new Scripted(time, 100), null, settings("4s", "2s"));
        assertEquals("timeout", timedOut.waited().ended());
    }

    @Test
    void zeroTimeoutDecidesOnOneObservation() {
        FakeTime time = new FakeTime();
        GateResult r = time.runner().run(new Scripted(time, 2), null, settings("0", "1s"));
        assertEquals(GateStatus.FAIL, r.status());
        assertEquals(1, r.series().size());
        assertTrue(time.sleeps.isEmpty());
        assertTrue(r.decision().reason().contains("timeout 0"), r.decision().reason());
    }
}
