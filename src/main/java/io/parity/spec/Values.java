package io.parity.spec;

import java.time.Duration;
import java.util.function.Function;

/** Typed values from the text of scalar fields, each failure a problem line that names the field and the fix. */
final class Values {

    private final SpecProblems problems;

    Values(SpecProblems problems) {
        this.problems = problems;
    }

    void problem(String field, String message) {
        problems.add(field, message);
    }

    /** The text, or null with a problem when it is missing or blank. */
    String required(String text, String field, String what) {
        if (text == null || text.isBlank()) {
            problems.add(field, "missing; set it to " + what);
            return null;
        }
        return text;
    }

    /** {@code true} or {@code false} (YAML's spelling); false with a problem for anything else. */
    boolean bool(String text, String field) {
        if ("true".equalsIgnoreCase(text.strip())) {
            return true;
        }
        if (!"false".equalsIgnoreCase(text.strip())) {
            problems.add(field, "'" + text + "' is not true or false");
        }
        return false;
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} (with a problem when the text is not one). */
    Integer count(String text, String field, Integer fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(field, "'" + text + "' is not a whole number from " + min + " to " + max);
        return fallback;
    }

    /** A duration in the one syntax of {@link Durations}, or {@code fallback}. */
    Duration duration(String text, String field, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        Duration d = Durations.parse(text);
        if (d == null) {
            problems.add(field, "'" + text + "' is not a duration; write it like " + Durations.EXAMPLES);
            return fallback;
        }
        return d;
    }

    /** One of a fixed set of words, or {@code fallback} (with a problem naming the choices when it is none of them). */
    <T> T choice(String text, String field, Function<String, T> parse, T fallback, String unknown) {
        if (text == null) {
            return fallback;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(field, "'" + text + "' " + unknown);
            return fallback;
        }
    }
}
