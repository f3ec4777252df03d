package io.parity.gate;

import io.parity.core.KeyValues;
import io.parity.core.ParityVersion;
import io.parity.repair.RepairDirection;
import io.parity.repair.RepairOptions;
import io.parity.repair.RepairRun;
import io.parity.repair.RepairSafety;
import io.parity.repair.TableRepair;
import io.parity.spec.ActionStep;
import io.parity.spec.JobSpec;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code action: repair}, the misoperation repair inside the flow: after the switch a write that went to the wrong
 * side is found by verifying in the reverse direction (the destination against the old source, which is what
 * {@code direction: to-source}, the default, repairs), and repair and undo SQL are written under the step's own
 * directory of the run ({@code <run>/<step>/repair/…}). With {@code apply: true}, allowed only right after a pause
 * (the operator's typed confirmation that the files were reviewed), the repair is applied with the same guards and
 * safety checks as {@code parity repair --apply}, and the repaired keys are compared again.
 */
final class RepairStep {

    private final GateContext context;

    RepairStep(GateContext context) {
        this.context = context;
    }

    Map<String, Object> run(ActionStep step, Path runDir) {
        Map<String, Object> e = new LinkedHashMap<>();
        boolean toSource = !"to-destination".equals(step.settings().string("direction", "to-source"));
        boolean apply = "true".equals(step.settings().string("apply", "false"));
        // to the source: verify the other way round (the destination is right now), and repair its destination side
        JobSpec spec = toSource ? context.spec().reversed() : context.spec();
        VerifyOutcome verified = context.verifyRuns().runNow(spec);
        e.put("direction", toSource ? "to-source" : "to-destination");
        e.put("replicates", NativeActions.replicates(ActionStep.Kind.REPAIR));
        e.put("apply", apply);
        e.put("verify_run", verified.runId());
        e.put("verify_report", verified.reportDir().toString());
        e.put("differing_rows", verified.differingRows());
        Map<String, List<KeyValues>> keys = context.verifyRuns().differingKeys(verified.runId());
        if (keys.isEmpty()) {
            e.put("status", verified.completed() ? StepStatus.PASS.name() : StepStatus.ERROR.name());
            e.put("reason", verified.completed() ? "nothing to repair: verify run " + verified.runId() + " found the"
                    + " sides equal" : "verify run " + verified.runId() + " did not complete");
            return e;
        }
        Path dir = runDir.resolve(step.id());
        StringWriter log = new StringWriter();
        List<TableRepair> results;
        try (VerifyContext verify = VerifyPreparation.prepare(spec)) {
            // after the switch the old source replicates from the destination by design: repairing it is the point,
            // and its repair stays in its binary log, so a later re-pointed replication replays the stray write and
            // its repair together
            RepairOptions options = new RepairOptions(RepairDirection.TO_DESTINATION, apply,
                    new RepairSafety.Overrides(false, false, false, toSource), false, 500);
            results = new RepairRun(verify, options, dir, List.of("Parity " + ParityVersion.get() + " repair of job "
                    + context.spec().name() + ", cutover step " + step.id() + ", from verify run " + verified.runId()),
                    new PrintWriter(log, true)).execute(keys);
        }
        List<Map<String, Object>> tables = new ArrayList<>();
        long remaining = 0;
        long skipped = 0;
        for (TableRepair r : results) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("target", r.target());
            t.put("delete", r.deletes());
            t.put("update", r.updates());
            t.put("insert", r.inserts());
            t.put("repair_file", runDir.relativize(r.repairFile()).toString());
            t.put("undo_file", runDir.relativize(r.undoFile()).toString());
            if (apply) {
                t.put("applied", r.applied());
                t.put("skipped", r.skipped());
                t.put("remaining", r.remaining());
                remaining += Math.max(0, r.remaining());
                skipped += r.skipped();
            }
            tables.add(t);
        }
        e.put("tables", tables);
        if (!log.toString().isBlank()) {
            e.put("notes", log.toString().strip().lines().toList());
        }
        String target = toSource ? "the source" : "the destination";
        if (!apply) {
            e.put("status", StepStatus.PASS.name());
            e.put("reason", verified.differingRows() + " differing rows; repair and undo SQL for " + target + " written to "
                    + dir.getFileName() + "/repair and " + dir.getFileName() + "/undo; nothing applied (review them;"
                    + " a later 'action: repair' with 'apply: true' after a pause applies)");
            return e;
        }
        boolean ok = remaining == 0 && skipped == 0;
        e.put("status", ok ? StepStatus.PASS.name() : StepStatus.FAIL.name());
        e.put("reason", ok ? "repaired " + target + ": the " + verified.differingRows() + " differing rows are equal now"
                : remaining + " keys still differ and " + skipped + " changes were skipped (the row changed since it was"
                + " read); verify and repair again");
        return e;
    }
}
