package io.parity.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gates Parity knows, by name, in the runbook's usual order. */
public final class GateCatalog {

    private static final Map<String, Gate> GATES = new LinkedHashMap<>();

    static {
        for (Gate g : List.of(new LagGate(), new WritesStoppedGate(), new SessionsGate(), new CaughtUpGate(),
                new ReverseReplicationGate(), new ConsistentGate(), new BackupGate(), new GrantsGate(), new SourceSilentGate(),
                new DestinationServingGate())) {
            GATES.put(g.name(), g);
        }
    }

    private GateCatalog() {
    }

    public static Optional<Gate> find(String name) {
        return Optional.ofNullable(GATES.get(name));
    }

    public static Gate get(String name) {
        Gate g = GATES.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no gate " + name);
        }
        return g;
    }

    public static List<String> names() {
        return List.copyOf(GATES.keySet());
    }
}
