package io.parity.gate;

import io.parity.spec.ActionStep;
import io.parity.spec.CutoverStep;
import io.parity.spec.GateSettings;
import io.parity.spec.GateStep;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which steps a resume runs again, on the README's runbook shape. */
class ResumePlanTest {

    private static GateStep gate(String id, boolean enabled) {
        String name = id.substring(3);
        return new GateStep(id, name, enabled, enabled ? null : "off", true, GateSettings.of(name, Map.of()), "f");
    }

    private static ActionStep command(String id) {
        return new ActionStep(id, ActionStep.Kind.COMMAND, "true", ActionStep.DEFAULT_TIMEOUT, null, "f");
    }

    private static ActionStep pause(String id) {
        return new ActionStep(id, ActionStep.Kind.PAUSE, null, null, "switch", "f");
    }

    private static final List<CutoverStep> RUNBOOK = List.of(gate("01-lag", true), gate("02-writes-stopped", true),
            command("03-command"), gate("04-reverse-replication", true), gate("05-lag", false),
            gate("06-consistent", true), pause("07-pause"), gate("08-backup", true), gate("09-grants", true),
            command("10-command"));

    @Test
    void afterAPauseTheEnabledGatesBeforeItRunAgainAndThePauseIsPassed() {
        ResumePlan plan = ResumePlan.afterPause(RUNBOOK, "07-pause", Set.of());
        assertEquals(List.of("04-reverse-replication", "06-consistent"), List.copyOf(plan.rerun()));
        assertEquals(Set.of("07-pause"), plan.confirmedPauses());
    }

    @Test
    void aRetryRunsTheFailedStepWithTheGatesOfItsBlock() {
        record Case(String failed, List<String> rerun) {
        }
        for (Case c : List.of(
                new Case("01-lag", List.of("01-lag", "02-writes-stopped")),
                new Case("02-writes-stopped", List.of("01-lag", "02-writes-stopped")),
                new Case("03-command", List.of("01-lag", "02-writes-stopped", "03-command")),
                new Case("04-reverse-replication", List.of("04-reverse-replication", "06-consistent")),
                new Case("09-grants", List.of("08-backup", "09-grants")),
                new Case("10-command", List.of("08-backup", "09-grants", "10-command")))) {
            ResumePlan plan = ResumePlan.retry(RUNBOOK, c.failed(), Set.of("07-pause"));
            assertEquals(c.rerun(), List.copyOf(plan.rerun()), c.failed());
            assertEquals(Set.of("07-pause"), plan.confirmedPauses());
        }
    }
}
