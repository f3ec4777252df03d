package io.parity.gate;

import io.parity.spec.CutoverStep;
import io.parity.spec.GateStep;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code parity cutover resume} runs again before a stopped run continues. The gates that guard a step are the
 * enabled gates right before it, back to the previous action: they measured the servers before the run stopped, and
 * what they measured may have changed while it stood (a replica's SQL thread stopped, reverse replication broken).
 * <ul>
 *   <li>After a pause: the gates guarding the pause run again; the pause itself, confirmed, is passed.</li>
 *   <li>After a failed step: that step runs again (a retry), with the gates of its block, those before it back to the
 *   previous action and, when it is a gate, those after it up to the next action (they measured before the failure,
 *   or not at all).</li>
 * </ul>
 * Steps outside the set keep their recorded outcome; Spring Batch skips them on the restart.
 *
 * @param rerun           ids of the steps to run again, in runbook order
 * @param confirmedPauses ids of pause steps an operator confirmed, which the flow now passes
 */
public record ResumePlan(Set<String> rerun, Set<String> confirmedPauses) {

    public static final ResumePlan NONE = new ResumePlan(Set.of(), Set.of());

    public ResumePlan {
        rerun = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(rerun));
        confirmedPauses = Set.copyOf(confirmedPauses);
    }

    /** Resuming after the confirmed pause {@code pauseId}. */
    public static ResumePlan afterPause(List<CutoverStep> plan, String pauseId, Set<String> confirmedPauses) {
        int pause = index(plan, pauseId);
        return new ResumePlan(gatesBefore(plan, pause), union(confirmedPauses, pauseId));
    }

    /** Retrying the failed step {@code failedId}. */
    public static ResumePlan retry(List<CutoverStep> plan, String failedId, Set<String> confirmedPauses) {
        int failed = index(plan, failedId);
        Set<String> rerun = gatesBefore(plan, failed);
        rerun.add(failedId);
        if (plan.get(failed) instanceof GateStep) {
            for (int i = failed + 1; i < plan.size() && plan.get(i) instanceof GateStep g; i++) {
                if (g.enabled()) {
                    rerun.add(g.id());
                }
            }
        }
        return new ResumePlan(rerun, confirmedPauses);
    }

    /** The enabled gates right before {@code index}, back to the previous action, in runbook order. */
    private static Set<String> gatesBefore(List<CutoverStep> plan, int index) {
        int first = index;
        while (first > 0 && plan.get(first - 1) instanceof GateStep) {
            first--;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = first; i < index; i++) {
            if (((GateStep) plan.get(i)).enabled()) {
                ids.add(plan.get(i).id());
            }
        }
        return ids;
    }

    private static int index(List<CutoverStep> plan, String id) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no step " + id + " in the runbook");
    }

    private static Set<String> union(Set<String> a, String b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.add(b);
        return all;
    }
}
