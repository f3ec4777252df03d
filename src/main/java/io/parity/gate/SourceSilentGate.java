package io.parity.gate;

import io.parity.core.Side;
import io.parity.spec.Durations;
import io.parity.spec.GateSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code source-silent}, after the switch: nothing but reverse replication writes to the old source. Its own part of
 * the GTID position (what it wrote itself, by its {@code server_id} on MariaDB or its {@code server_uuid} on MySQL;
 * see {@link OwnWrites}) must not gain an entry for {@code period} (default 10 s), while entries that reverse
 * replication brings from the destination may move. A new own entry fails at once: a client still writes to the old
 * source, and waiting will not undo it. Heartbeats in {@code cutover.heartbeat.gtid-domain-id} are ignored.
 */
public final class SourceSilentGate implements Gate {

    public static final String NAME = "source-silent";
    static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        Map<String, Object> values = OwnWrites.read(context, Side.SOURCE, NAME);
        return new Observation(context.clock().instant(), "own writes " + show(values.get("own")) + ", position "
                + show(values.get("position")), values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        Duration period = settings.duration("period", DEFAULT_PERIOD);
        Observation first = series.get(0);
        Observation last = series.get(series.size() - 1);
        String before = String.valueOf(first.value("own"));
        String now = String.valueOf(last.value("own"));
        if (OwnWrites.wrote(before, now)) {
            return Decision.fail("the old source wrote on its own: its own GTIDs went from " + show(before) + " to "
                    + show(now) + "; a client still writes to it (find it with the sessions gate), and the destination"
                    + " does not have that write");
        }
        Duration quiet = Duration.between(first.at(), last.at());
        if (quiet.compareTo(period) >= 0) {
            return Decision.pass("no write of its own on the old source for " + Durations.format(quiet) + " (own GTIDs "
                    + show(now) + "; replicated position " + show(last.value("position")) + ")");
        }
        return Decision.waitFor("no write of its own for " + Durations.format(quiet) + " of " + Durations.format(period));
    }

    static String show(Object v) {
        String s = String.valueOf(v);
        return s.isEmpty() ? "(none)" : s;
    }
}
