package io.parity.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gates a {@code cutover:} block may name, in the runbook's usual order, with the settings each accepts (beyond
 * the common {@code timeout} and {@code interval}) and the defaults that differ from the common ones. The gates
 * themselves ({@code io.parity.gate}) read their settings from the validated {@link GateSettings}.
 */
public final class GateDeclarations {

    /** One gate's declaration. */
    public record Declaration(String name, Map<String, GateSettings.Kind> settings, Map<String, Object> defaults) {
    }

    private static final Map<String, Declaration> GATES = new LinkedHashMap<>();

    static {
        for (Declaration d : List.of(
                new Declaration("lag", Map.of("max-delay", GateSettings.Kind.DURATION),
                        Map.of("timeout", "5m", "interval", "2s")),
                new Declaration("writes-stopped", Map.of("stable-for", GateSettings.Kind.DURATION),
                        Map.of("timeout", "2m", "interval", "1s")),
                new Declaration("sessions", Map.of("allow", GateSettings.Kind.STRINGS,
                        "watch", GateSettings.Kind.DURATION), Map.of()),
                new Declaration("caught-up", Map.of("period", GateSettings.Kind.DURATION,
                        "zero-tolerance", GateSettings.Kind.DURATION), Map.of("timeout", "10m", "interval", "5s")),
                new Declaration("reverse-replication", Map.of("within", GateSettings.Kind.DURATION), Map.of()),
                new Declaration("consistent", Map.of("max-age", GateSettings.Kind.DURATION,
                        "direction", GateSettings.Kind.STRING), Map.of()),
                new Declaration("backup", Map.of("query", GateSettings.Kind.STRING, "file", GateSettings.Kind.STRING,
                        "side", GateSettings.Kind.STRING, "max-age", GateSettings.Kind.DURATION), Map.of()),
                new Declaration("grants", Map.of("accounts", GateSettings.Kind.STRINGS,
                        "databases", GateSettings.Kind.STRINGS, "side", GateSettings.Kind.STRING), Map.of()),
                new Declaration("source-silent", Map.of("period", GateSettings.Kind.DURATION),
                        Map.of("timeout", "1m", "interval", "1s")),
                new Declaration("destination-serving", Map.of(), Map.of("timeout", "2m", "interval", "1s")))) {
            GATES.put(d.name(), d);
        }
    }

    private GateDeclarations() {
    }

    public static Optional<Declaration> find(String name) {
        return Optional.ofNullable(GATES.get(name));
    }

    public static List<String> names() {
        return List.copyOf(GATES.keySet());
    }
}
