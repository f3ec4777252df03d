package io.parity.gate;

import io.parity.core.Side;
import io.parity.spec.GateSettings;

import java.util.List;
import java.util.Map;

/**
 * {@code destination-serving}, after the switch: the application's writes arrive on the destination. Its own part of
 * the GTID position (what it wrote itself, not what replication brought; see {@link OwnWrites}) must gain an entry
 * since the gate's first observation, within the gate's {@code timeout} (default 2 m). Parity writes nothing while it
 * watches, and heartbeats in {@code cutover.heartbeat.gtid-domain-id} are ignored.
 */
public final class DestinationServingGate implements Gate {

    public static final String NAME = "destination-serving";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        Map<String, Object> values = OwnWrites.read(context, Side.DESTINATION, NAME);
        return new Observation(context.clock().instant(), "own writes " + SourceSilentGate.show(values.get("own")),
                values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        String before = String.valueOf(series.get(0).value("own"));
        String now = String.valueOf(series.get(series.size() - 1).value("own"));
        if (OwnWrites.wrote(before, now)) {
            return Decision.pass("application writes arrive on the destination: its own GTIDs went from "
                    + SourceSilentGate.show(before) + " to " + SourceSilentGate.show(now));
        }
        return Decision.waitFor("no write of its own on the destination yet (own GTIDs " + SourceSilentGate.show(now)
                + "); is the application switched?");
    }
}
