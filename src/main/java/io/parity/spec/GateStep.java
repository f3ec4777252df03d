package io.parity.spec;

/**
 * A gate in the runbook.
 *
 * @param id       step id, e.g. {@code 02-writes-stopped}
 * @param gate     gate name
 * @param enabled  false to skip it; the reason is recorded in every report
 * @param reason   why it is disabled (required when it is)
 * @param required false for an advisory gate: a FAIL is reported but does not stop the flow or fail the run
 * @param settings validated settings over the gate's defaults
 * @param field    where in the spec
 * @param onFailure what a required gate's FAIL does to the flow: stop the run (default), pause it (resumable at this
 *                 gate), or run the spec's {@code rollback:} steps and end the run as failed
 */
public record GateStep(String id, String gate, boolean enabled, String reason, boolean required, GateSettings settings,
                       String field, OnFailure onFailure) implements CutoverStep {

    /** {@code on-failure:} of a gate. */
    public enum OnFailure {
        STOP, PAUSE, ROLLBACK;

        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GateStep {
        onFailure = onFailure == null ? OnFailure.STOP : onFailure;
    }

    /** A gate whose FAIL stops the run. */
    public GateStep(String id, String gate, boolean enabled, String reason, boolean required, GateSettings settings,
                    String field) {
        this(id, gate, enabled, reason, required, settings, field, OnFailure.STOP);
    }
}
