package io.parity.spec;

import java.util.Locale;

/**
 * How chunk boundaries are found in a segment keyed on one integer column. {@code arithmetic} (the default, where
 * the source's dialect has row estimates): after a segment's first chunks, each chunk ends at {@code lower + planned
 * rows / observed rows per key}, checked against the optimizer's row estimate and walked on the index instead when
 * the estimate says the cut would hold more than four times the planned rows (InnoDB estimates
 * a primary-key range within about a factor of two). {@code index}: every boundary is found by
 * walking the key index ({@code ORDER BY k LIMIT n, 1}), which reads every row it skips. Other keys always walk the
 * index. Both cover every key exactly once; they differ only in how evenly rows are grouped and what it costs.
 */
public enum Boundaries {
    ARITHMETIC,
    INDEX;

    public static Boundaries parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
