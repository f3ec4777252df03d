package io.parity.gate;

import io.parity.spec.Durations;
import io.parity.spec.GateSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code caught-up}: the delay has been at zero, heartbeat-confirmed, continuously for at least {@code period}
 * (default 60 s). "At zero" means the heartbeat arrived within {@code zero-tolerance} (default 1 s: the heartbeat's own
 * round trip) and, for a native replica, both threads run with {@code Seconds_Behind_*} = 0. Any observation not at
 * zero restarts the period: the decision looks only at the trailing run of at-zero observations, so no counter is kept.
 * A replica that cannot recover by itself ({@link StuckReplica}) fails the gate at once.
 */
public final class CaughtUpGate implements Gate {

    public static final String NAME = "caught-up";
    static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);
    static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(1);

    @Override
    public String name() {
        return NAME;
    }



    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        Duration tolerance = settings.duration("zero-tolerance", DEFAULT_TOLERANCE);
        Heartbeat.Beat beat = Heartbeat.forward(context, tolerance);
        ReplicaStatus replica = ReplicaStatus.read(context);
        Map<String, Object> values = new LinkedHashMap<>(beat.values("heartbeat"));
        values.putAll(replica.values());
        Observation draft = new Observation(context.clock().instant(), "", values);
        List<String> problems = notAtZero(draft, tolerance);
        values.put("at_zero", problems.isEmpty());
        String text = (problems.isEmpty() ? "at zero: " : "not at zero (" + String.join("; ", problems) + "): ")
                + beat.describe("heartbeat") + "; " + replica.describe();
        return new Observation(draft.at(), text, values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        Duration period = settings.duration("period", DEFAULT_PERIOD);
        int first = series.size();
        while (first > 0 && series.get(first - 1).flag("at_zero")) {
            first--;
        }
        Observation last = series.get(series.size() - 1);
        if (first == series.size()) {
            String waitingFor = "delay not at zero: " + last.text() + " (period " + Durations.format(period) + ")";
            List<String> stuck = StuckReplica.reasons(last);
            return stuck.isEmpty() ? Decision.waitFor(waitingFor) : Decision.fail(StuckReplica.failure(waitingFor, stuck));
        }
        Duration held = Duration.between(series.get(first).at(), last.at());
        int count = series.size() - first;
        if (held.compareTo(period) >= 0) {
            return Decision.pass("delay at zero for " + Durations.format(held) + " across " + count
                    + " observations (period " + Durations.format(period) + ")");
        }
        return Decision.waitFor("delay at zero for " + Durations.format(held) + " of " + Durations.format(period)
                + " across " + count + " observations");
    }

    @Override
    public String movement(List<Observation> series) {
        return LagGate.replicaMovement(series);
    }

    private static List<String> notAtZero(Observation o, Duration tolerance) {
        List<String> problems = new ArrayList<>(LagGate.problems(o, tolerance.plusMillis(1)));
        Long behind = o.number("seconds_behind");
        if (o.flag("native_replica") && behind != null && behind != 0) {
            problems.add(LagGate.ReplicaWords.of(o.value("replica_kind")).delay() + " " + behind + " s");
        }
        return problems;
    }
}
