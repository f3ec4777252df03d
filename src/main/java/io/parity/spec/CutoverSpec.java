package io.parity.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The spec's {@code cutover:} block: the runbook's steps in order, where the heartbeat lives, how long a stopped run
 * may wait for {@code parity cutover resume}, and the way back.
 *
 * @param steps       gates and actions in the order they run
 * @param heartbeat   heartbeat table location and GTID domain
 * @param declared    false when the spec has no {@code cutover:} block (a single gate then runs with its defaults)
 * @param maxPauseAge {@code max-pause-age}: a paused or failed run older than this is not resumed (default 1 h), since
 *                    what its gates measured may no longer hold
 * @param rollback    the way back ({@code rollback:}), run by {@code parity cutover rollback --run N}; empty when none
 */
public record CutoverSpec(List<CutoverStep> steps, HeartbeatSettings heartbeat, boolean declared,
                          Duration maxPauseAge, List<CutoverStep> rollback) {

    public static final Duration DEFAULT_MAX_PAUSE_AGE = Duration.ofHours(1);

    public CutoverSpec {
        steps = List.copyOf(steps);
        maxPauseAge = maxPauseAge == null ? DEFAULT_MAX_PAUSE_AGE : maxPauseAge;
        rollback = rollback == null ? List.of() : List.copyOf(rollback);
    }

    /** A runbook without a rollback phase. */
    public CutoverSpec(List<CutoverStep> steps, HeartbeatSettings heartbeat, boolean declared, Duration maxPauseAge) {
        this(steps, heartbeat, declared, maxPauseAge, List.of());
    }

    /** A runbook without a rollback phase, resumable for the default time. */
    public CutoverSpec(List<CutoverStep> steps, HeartbeatSettings heartbeat, boolean declared) {
        this(steps, heartbeat, declared, DEFAULT_MAX_PAUSE_AGE, List.of());
    }

    /** A spec without a {@code cutover:} block: no steps, the heartbeat's defaults (a single gate runs with its own). */
    public static CutoverSpec none(String jobName) {
        return new CutoverSpec(List.of(), new HeartbeatSettings(HeartbeatSettings.DEFAULT_SCHEMA, jobName, null), false,
                DEFAULT_MAX_PAUSE_AGE);
    }

    /** The first step running {@code gate}, if the runbook has one. */
    public Optional<GateStep> gate(String gate) {
        return steps.stream().filter(s -> s instanceof GateStep g && g.gate().equals(gate)).map(GateStep.class::cast)
                .findFirst();
    }
}
