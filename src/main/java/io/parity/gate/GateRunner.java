package io.parity.gate;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.spec.Durations;
import io.parity.spec.GateSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a gate to a final decision: observe, decide, and while the decision is WAIT and the timeout allows, sleep the
 * interval and observe again. A WAIT still standing at the timeout becomes a FAIL whose reason says how long it waited
 * and what the last observation was. The series is bounded so a long poll cannot grow the evidence without limit.
 */
public final class GateRunner {

    /** Oldest observations beyond this are dropped from the series (the first is always kept). */
    static final int MAX_SERIES = 2_000;

    private final Clock clock;
    private final Sleeper sleeper;

    /** How the runner waits between observations; tests of the pure loop pass a fake. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public GateRunner(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static GateRunner system() {
        return new GateRunner(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    public GateResult run(Gate gate, GateContext context, GateSettings settings) {
        Instant started = clock.instant();
        Instant deadline = started.plus(settings.timeout());
        List<Observation> series = new ArrayList<>();
        while (true) {
            series.add(gate.observe(context, settings));
            if (series.size() > MAX_SERIES) {
                series.remove(1);
            }
            Decision decision = gate.decide(List.copyOf(series), settings);
            Instant now = clock.instant();
            if (decision.status() != GateStatus.WAIT) {
                return new GateResult(gate.name(), decision, series, started, Duration.between(started, now));
            }
            if (!now.plus(settings.interval()).isBefore(deadline.plusMillis(1))) {
                String waited = settings.timeout().isZero() ? "no waiting allowed (timeout 0)"
                        : "still not met after " + Durations.format(Duration.between(started, now))
                        + " (timeout " + Durations.format(settings.timeout()) + ")";
                return new GateResult(gate.name(), Decision.fail(decision.reason() + "; " + waited), series, started,
                        Duration.between(started, now));
            }
            try {
                sleeper.sleep(settings.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ParityException(Failure.INCOMPLETE, "gate " + gate.name() + " was interrupted while waiting", e);
            }
        }
    }
}
