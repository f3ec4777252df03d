package io.parity.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The problems found in a spec's {@code cutover:} block, one line each: {@code <file>: <field>: <what>; <the fix>},
 * and the checks that produce them, shared by the block loader and the step reader.
 */
final class SpecProblems {

    private final String file;
    private final List<String> lines = new ArrayList<>();

    SpecProblems(String file) {
        this.file = file;
    }

    List<String> lines() {
        return lines;
    }

    void problem(String field, String message) {
        lines.add(file + ": " + field + ": " + message);
    }

    boolean checkKind(String field, GateSettings.Kind kind, Object value) {
        boolean ok = switch (kind) {
            case DURATION -> Durations.parse(value) != null;
            case STRING -> value instanceof String || value instanceof Number;
            case STRINGS -> value instanceof String || (value instanceof List<?> l
                    && l.stream().allMatch(v -> v instanceof String || v instanceof Number));
            case INTEGER -> value instanceof Integer || value instanceof Long;
        };
        if (!ok) {
            problem(field, "'" + value + "' is not " + switch (kind) {
                case DURATION -> "a duration; write it as 500ms, 5s, 10m or 1h";
                case STRING -> "a single value; write one string";
                case STRINGS -> "a list of names; write it as [a, b]";
                case INTEGER -> "a whole number";
            });
        }
        return ok;
    }

    boolean bool(Map<?, ?> entry, String key, boolean fallback, String field) {
        Object v = entry.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problem(field + "." + key, "'" + v + "' is not true or false");
        return fallback;
    }

    void unknownKeys(Map<?, ?> map, Set<String> known, String prefix) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problem(prefix + key, "unknown key; expected one of " + new TreeSet<>(known));
            }
        }
    }
}
