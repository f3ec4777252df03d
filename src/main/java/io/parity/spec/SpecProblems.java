package io.parity.spec;

import java.util.ArrayList;
import java.util.List;

/** The problems found in one spec, a line each: {@code <file>: <field>: <what is wrong>; <the fix>}. */
final class SpecProblems {

    private final String file;
    private final List<String> lines = new ArrayList<>();

    SpecProblems(String file) {
        this.file = file;
    }

    void add(String field, String message) {
        String line = file + ": " + field + ": " + message;
        if (!lines.contains(line)) {
            lines.add(line);
        }
    }

    /** Whether a problem was already found in {@code field} (then a missing value there is not news). */
    boolean about(String field) {
        return lines.stream().anyMatch(l -> l.startsWith(file + ": " + field + ": "));
    }

    boolean any() {
        return !lines.isEmpty();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
