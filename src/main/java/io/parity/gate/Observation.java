package io.parity.gate;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measurement a gate took: when, a line a person can read, and the values behind it (kept in the JSON evidence).
 * Values are plain JSON-friendly types (numbers, strings, booleans, lists and maps of them).
 *
 * @param at     when the measurement completed, by Parity's clock
 * @param text   the measurement in words, e.g. {@code "heartbeat visible after 120 ms; SQL thread Yes, IO thread Yes"}
 * @param values named measured values
 */
public record Observation(Instant at, String text, Map<String, Object> values) {

    public Observation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object value(String name) {
        return values.get(name);
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    public Long number(String name) {
        Object v = values.get(name);
        return v instanceof Number n ? n.longValue() : null;
    }
}
