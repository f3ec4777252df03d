package io.parity.spec;

/**
 * What reports may show of the rows, from the spec's {@code report:} block and the tables' {@code columns.mask}.
 *
 * @param samples how non-key values are shown
 * @param maskKey the key of the keyed hash masked values are shown as; empty when nothing is masked
 */
public record ReportPolicy(SampleMode samples, Secret maskKey) {

    /** The environment variable that holds the mask key when the spec names no {@code mask-key-file}. */
    public static final String MASK_KEY_VARIABLE = "PARITY_MASK_KEY";
    /** Shorter keys are refused: a guessable key lets anyone hash candidate values and compare. */
    public static final int MIN_KEY_LENGTH = 16;

    public ReportPolicy {
        maskKey = maskKey == null ? Secret.none() : maskKey;
    }

    /** Today's behaviour: values as read, nothing masked. */
    public static ReportPolicy full() {
        return new ReportPolicy(SampleMode.FULL, Secret.none());
    }
}
