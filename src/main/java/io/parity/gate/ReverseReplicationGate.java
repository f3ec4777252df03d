package io.parity.gate;

import io.parity.core.Side;
import io.parity.spec.Durations;
import io.parity.spec.GateSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code reverse-replication}: a canary row Parity writes on the destination ({@code parity_canary} in the heartbeat
 * schema) appears on the source within {@code within} (default 30 s), which proves that a rollback after the switch
 * would carry the destination's writes back. The source's own replica status is added to the evidence when it is a
 * native replica.
 */
public final class ReverseReplicationGate implements Gate {

    public static final String NAME = "reverse-replication";
    static final Duration DEFAULT_WITHIN = Duration.ofSeconds(30);

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        Duration within = settings.duration("within", DEFAULT_WITHIN);
        Heartbeat.Beat canary = Heartbeat.reverse(context, within);
        ReplicaStatus reverse = ReplicaStatus.read(context, Side.SOURCE);
        Map<String, Object> values = new LinkedHashMap<>(canary.values("canary"));
        values.put("within_ms", within.toMillis());
        reverse.values().forEach((k, v) -> values.put("source_" + k, v));
        return new Observation(context.clock().instant(), canary.describe("canary written on the destination")
                + " on the source; source replica: " + reverse.describe(), values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        Observation last = series.get(series.size() - 1);
        if (last.flag("canary_visible")) {
            return Decision.pass(last.text());
        }
        return Decision.fail(last.text() + " (within " + Durations.format(settings.duration("within", DEFAULT_WITHIN))
                + "); configure replication destination -> source before switching");
    }
}
