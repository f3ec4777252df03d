package io.parity.spec;

import java.util.List;
import java.util.Optional;

/**
 * The spec's {@code cutover:} block: the runbook's steps in order and where the heartbeat lives.
 *
 * @param steps     gates and actions in the order they run
 * @param heartbeat heartbeat table location and GTID domain
 * @param declared  false when the spec has no {@code cutover:} block (a single gate then runs with its defaults)
 * @param rollback  the way back ({@code rollback:}), run by {@code parity cutover rollback --run N}; empty when none
 */
public record CutoverSpec(List<CutoverStep> steps, HeartbeatSettings heartbeat, boolean declared,
                          List<CutoverStep> rollback) {

    public CutoverSpec {
        steps = List.copyOf(steps);
        rollback = rollback == null ? List.of() : List.copyOf(rollback);
    }

    /** A runbook without a rollback phase. */
    public CutoverSpec(List<CutoverStep> steps, HeartbeatSettings heartbeat, boolean declared) {
        this(steps, heartbeat, declared, List.of());
    }

    /** A spec without a {@code cutover:} block: no steps, the heartbeat's defaults (a single gate runs with its own). */
    public static CutoverSpec none(String jobName) {
        return new CutoverSpec(List.of(), new HeartbeatSettings(HeartbeatSettings.DEFAULT_SCHEMA, jobName, null), false);
    }

    /** The first step running {@code gate}, if the runbook has one. */
    public Optional<GateStep> gate(String gate) {
        return steps.stream().filter(s -> s instanceof GateStep g && g.gate().equals(gate)).map(GateStep.class::cast)
                .findFirst();
    }
}
