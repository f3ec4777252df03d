package io.parity.spec;

import java.util.Locale;

/** How much of the rows a report shows beyond their keys ({@code report.samples}). */
public enum SampleMode {

    /** Values as read. */
    FULL,
    /** Every non-key value as a keyed hash: equal values look equal, nothing can be read back. */
    MASKED,
    /** No values: keys and the names of the differing columns only. */
    NONE;

    static SampleMode parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
