package io.parity.spec;

import org.springframework.boot.convert.DurationStyle;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one duration syntax of specs and options: a whole number and a unit, {@code 500ms}, {@code 5s}, {@code 10m},
 * {@code 1h}, {@code 2d} (Spring's simple duration style, which also knows {@code us} and {@code ns}); a bare number
 * means seconds; a space before the unit is allowed; negative durations are not. Printing uses the same units, so
 * evidence reads like the spec.
 */
public final class Durations {

    /** How a duration is written, for messages: "write it like 500ms, 5s, 2m or 1h". */
    public static final String EXAMPLES = "500ms, 5s, 2m or 1h";

    private static final Pattern TEXT = Pattern.compile("\\d+\\s*[a-z]{0,2}");

    private Durations() {
    }

    /** The duration, or null when the value is not one (a negative number, text in another form). */
    public static Duration parse(Object value) {
        if (value == null || value instanceof Boolean) {
            return null;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (!TEXT.matcher(text).matches()) {
            return null;
        }
        try {
            return DurationStyle.SIMPLE.parse(text.replace(" ", ""), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            return null; // an unknown unit
        }
    }

    /** {@code 1.5 s}, {@code 250 ms}, {@code 3 m 20 s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return (ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0)) + " s";
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return s / 60 + " m" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " m");
    }
}
