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
 */
public record GateStep(String id, String gate, boolean enabled, String reason, boolean required, GateSettings settings,
                       String field) implements CutoverStep {
}
