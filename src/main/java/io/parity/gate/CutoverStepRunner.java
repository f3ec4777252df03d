package io.parity.gate;

import io.parity.core.ParityException;
import io.parity.spec.ActionStep;
import io.parity.spec.CutoverStep;
import io.parity.spec.Durations;
import io.parity.spec.GateStep;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one runbook step and records its evidence file; the Spring Batch tasklet is only a shell around this. A gate
 * that cannot measure ends as ERROR with the reason, never as a FAIL, so "the servers are not ready" and "Parity could
 * not tell" stay apart all the way to the exit code.
 */
public final class CutoverStepRunner {

    private final GateContext context;
    private final GateRunner runner;

    public CutoverStepRunner(GateContext context, GateRunner runner) {
        this.context = context;
        this.runner = runner;
    }

    public StepOutcome run(CutoverStep step, Path runDir) {
        Map<String, Object> evidence = step instanceof GateStep g ? gate(g) : action((ActionStep) step, runDir);
        evidence.put("step", step.id());
        EvidenceFiles.read(runDir, step.id()).ifPresent(before -> evidence.put("earlier_attempts", earlier(before)));
        EvidenceFiles.write(runDir, step.id(), ordered(step.id(), evidence));
        return EvidenceFiles.outcome(evidence);
    }

    private Map<String, Object> gate(GateStep step) {
        Map<String, Object> e = base("gate", step.gate(), step.required(), context.clock().instant());
        e.put("settings", step.settings().values());
        if (!step.enabled()) {
            e.put("status", StepStatus.SKIPPED.name());
            e.put("reason", "disabled: " + step.reason());
            return e;
        }
        Instant started = context.clock().instant();
        try {
            GateResult result = runner.run(GateCatalog.get(step.gate()), context, step.settings());
            e.put("status", result.status() == GateStatus.PASS ? StepStatus.PASS.name() : StepStatus.FAIL.name());
            e.put("reason", result.decision().reason());
            e.put("took_ms", result.took().toMillis());
            e.put("waited", result.waited().values());
            e.put("observations", series(result.series()));
        } catch (ParityException ex) {
            e.put("status", StepStatus.ERROR.name());
            e.put("failure", ex.failure().name());
            e.put("reason", "could not measure: " + ex.getMessage());
            e.put("took_ms", Duration.between(started, context.clock().instant()).toMillis());
        }
        return e;
    }

    private Map<String, Object> action(ActionStep step, Path runDir) {
        Instant started = context.clock().instant();
        Map<String, Object> e = base("action", step.kind().spelling(), true, started);
        if (step.kind() == ActionStep.Kind.PAUSE) {
            e.put("status", StepStatus.PAUSED.name());
            e.put("message", step.message());
            e.put("reason", "paused: " + step.message() + "; continue with 'parity cutover resume --run "
                    + runDir.getFileName() + "'");
            return e;
        }
        if (step.kind().nativeAction()) {
            try {
                e.putAll(step.kind() == ActionStep.Kind.REPAIR ? new RepairStep(context).run(step, runDir)
                        : new NativeActions(context).run(step, false));
            } catch (ParityException ex) {
                e.put("status", StepStatus.ERROR.name());
                e.put("failure", ex.failure().name());
                e.put("reason", "could not " + step.kind().spelling() + ": " + ex.getMessage());
            }
            e.put("took_ms", Duration.between(started, context.clock().instant()).toMillis());
            return e;
        }
        ActionResult r = ActionRunner.run(step.run(), context.resolve("."), step.timeout());
        e.put("run", step.run());
        e.put("exit_code", r.exitCode());
        e.put("timed_out", r.timedOut());
        e.put("took_ms", r.millis());
        e.put("output", r.output());
        boolean ok = r.exitCode() == 0 && !r.timedOut();
        e.put("status", ok ? StepStatus.PASS.name() : StepStatus.FAIL.name());
        String lastLine = r.output().strip().lines().reduce((a, b) -> b).orElse("");
        e.put("reason", r.timedOut() ? "command killed after " + Durations.format(step.timeout())
                : "command exited " + r.exitCode() + (lastLine.isEmpty() ? "" : ": " + lastLine));
        return e;
    }

    private static Map<String, Object> base(String kind, String name, boolean required, Instant started) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", kind);
        e.put("name", name);
        e.put("required", required);
        e.put("started", started.toString());
        e.put("took_ms", 0L);
        return e;
    }

    private static List<Map<String, Object>> series(List<Observation> observations) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Observation o : observations) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", o.at().toString());
            m.put("text", o.text());
            m.put("values", o.values());
            out.add(m);
        }
        return out;
    }

    /**
     * A step run again by {@code cutover resume} (a retry, or a guard re-checked) keeps what its earlier attempts
     * found, oldest first, so the run's one record shows the failure it recovered from.
     */
    private static List<Map<String, Object>> earlier(Map<String, Object> before) {
        List<Map<String, Object>> attempts = new ArrayList<>();
        if (before.get("earlier_attempts") instanceof List<?> older) {
            for (Object o : older) {
                if (o instanceof Map<?, ?> m) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    attempts.add(copy);
                }
            }
        }
        Map<String, Object> last = new LinkedHashMap<>();
        for (String k : List.of("status", "reason", "started", "took_ms")) {
            last.put(k, before.get(k));
        }
        attempts.add(last);
        return attempts;
    }

    /** Puts the fields a person reads first at the top of the file. */
    private static Map<String, Object> ordered(String id, Map<String, Object> e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step", id);
        for (String k : List.of("kind", "name", "status", "required", "reason")) {
            out.put(k, e.get(k));
        }
        out.putAll(e);
        return out;
    }
}
