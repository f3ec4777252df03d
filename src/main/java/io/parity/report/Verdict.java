package io.parity.report;

/** The run's verdict, decided from its results. The CLI maps it to an exit code. */
public enum Verdict {
    CONSISTENT, DIFFERENCES, INCOMPLETE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
