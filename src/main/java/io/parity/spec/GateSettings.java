package io.parity.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gate's settings from the spec, already validated against the gate's declared kinds and laid over its defaults.
 * Common to every gate: {@code timeout} (how long WAIT may last; 0 = decide on one observation),
 * {@code interval} (pause between observations) and {@code progress} (how often a waiting gate prints its progress
 * line, default 10 s).
 *
 * @param gate   the gate's name, for messages
 * @param values setting name to value (strings, numbers, booleans, lists of strings)
 */
public record GateSettings(String gate, Map<String, Object> values) {

    /** The kinds of value a setting may hold; the spec loader checks each against its kind. */
    public enum Kind { DURATION, STRING, STRINGS, INTEGER }

    public static final Duration DEFAULT_TIMEOUT = Duration.ZERO;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    /** Settings every gate accepts. */
    public static final Map<String, Kind> COMMON = Map.of("timeout", Kind.DURATION, "interval", Kind.DURATION,
            "progress", Kind.DURATION);

    public GateSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The declared defaults of gate {@code name} with the given values on top. */
    public static GateSettings of(String name, Map<String, Object> given) {
        Map<String, Object> merged = new LinkedHashMap<>(GateDeclarations.find(name)
                .map(GateDeclarations.Declaration::defaults).orElse(Map.of()));
        merged.putAll(given);
        return new GateSettings(name, merged);
    }

    public Duration duration(String name, Duration fallback) {
        Duration d = Durations.parse(values.get(name));
        return d == null ? fallback : d;
    }

    public Duration timeout() {
        return duration("timeout", DEFAULT_TIMEOUT);
    }

    public Duration interval() {
        return duration("interval", DEFAULT_INTERVAL);
    }

    public String string(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v.toString();
    }

    public long integer(String name, long fallback) {
        Object v = values.get(name);
        return v instanceof Number n ? n.longValue() : fallback;
    }

    public List<String> strings(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(v.toString());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
