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
import java.util.function.Consumer;

/**
 * Runs a gate to a final decision: observe, decide, and while the decision is WAIT and the timeout allows, sleep the
 * interval and observe again. A WAIT still standing at the timeout becomes a FAIL whose reason says how long it waited
 * and what the last observation was. The series is bounded so a long poll cannot grow the evidence without limit.
 * While it waits the runner tells its listener so at the first WAIT and then every {@code progress} (default 10 s),
 * so a person watching knows what the gate measures and how long it may still take; a PASS says how long it waited
 * and what moved meanwhile ({@link WaitSummary}).
 */
public final class GateRunner {

    /** Oldest observations beyond this are dropped from the series (the first is always kept). */
    static final int MAX_SERIES = 2_000;
    static final Duration DEFAULT_PROGRESS = Duration.ofSeconds(10);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<GateWait> listener;

    /** How the runner waits between observations; tests of the pure loop pass a fake. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public GateRunner(Clock clock, Sleeper sleeper) {
        this(clock, sleeper, w -> { });
    }

    private GateRunner(Clock clock, Sleeper sleeper, Consumer<GateWait> listener) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    public static GateRunner system() {
        return new GateRunner(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** This runner, telling {@code listener} while a gate waits. */
    public GateRunner reporting(Consumer<GateWait> listener) {
        return new GateRunner(clock, sleeper, listener);
    }

    public GateResult run(Gate gate, GateContext context, GateSettings settings) {
        Instant started = clock.instant();
        Instant deadline = started.plus(settings.timeout());
        Duration every = settings.duration("progress", DEFAULT_PROGRESS);
        Instant told = null;
        List<Observation> series = new ArrayList<>();
        while (true) {
            series.add(gate.observe(context, settings));
            if (series.size() > MAX_SERIES) {
                series.remove(1);
            }
            Decision decision = gate.decide(List.copyOf(series), settings);
            Instant now = clock.instant();
            Duration took = Duration.between(started, now);
            if (decision.status() != GateStatus.WAIT) {
                boolean passed = decision.status() == GateStatus.PASS;
                WaitSummary summary = summary(gate, series, took, passed ? "passed"
                        : StuckReplica.reasons(series.get(series.size() - 1)).isEmpty() ? "failed" : "stuck");
                Decision last = passed ? Decision.pass(decision.reason() + "; " + summary.sentence()) : decision;
                return new GateResult(gate.name(), last, series, started, took, summary);
            }
            if (!now.plus(settings.interval()).isBefore(deadline.plusMillis(1))) {
                String waited = settings.timeout().isZero() ? "no waiting allowed (timeout 0)"
                        : "still not met after " + Durations.format(took)
                        + " (timeout " + Durations.format(settings.timeout()) + ")";
                return new GateResult(gate.name(), Decision.fail(decision.reason() + "; " + waited), series, started,
                        took, summary(gate, series, took, "timeout"));
            }
            if (told == null || !now.isBefore(told.plus(every))) {
                listener.accept(new GateWait(gate.name(), decision.reason(), took, Duration.between(now, deadline),
                        series.size()));
                told = now;
            }
            try {
                sleeper.sleep(settings.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ParityException(Failure.INCOMPLETE, "gate " + gate.name() + " was interrupted while waiting", e);
            }
        }
    }

    private static WaitSummary summary(Gate gate, List<Observation> series, Duration took, String ended) {
        return new WaitSummary(series.size(), took, gate.movement(List.copyOf(series)), ended);
    }
}
