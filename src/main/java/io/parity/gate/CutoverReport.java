package io.parity.gate;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.core.PrivateFiles;
import io.parity.spec.ActionStep;
import io.parity.spec.CutoverStep;
import io.parity.spec.Durations;
import io.parity.spec.GateStep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's reports, rebuilt from its evidence files: {@code junit.xml} (one test case per step, so a CI server shows the
 * runbook as a test suite: FAIL as a failure, ERROR as an error, disabled and not-reached steps as skipped) and
 * {@code summary.md} for people. Steps without evidence are NOT_REACHED.
 */
public final class CutoverReport {

    private final String job;
    private final long runId;
    private final List<StepOutcome> outcomes;

    private CutoverReport(String job, long runId, List<StepOutcome> outcomes) {
        this.job = job;
        this.runId = runId;
        this.outcomes = List.copyOf(outcomes);
    }

    /** Reads the evidence of every planned step from {@code runDir}. */
    public static CutoverReport collect(String job, long runId, List<CutoverStep> plan, Path runDir) {
        List<StepOutcome> outcomes = new ArrayList<>();
        for (CutoverStep step : plan) {
            outcomes.add(EvidenceFiles.read(runDir, step.id()).map(EvidenceFiles::outcome).orElseGet(() ->
                    new StepOutcome(step.id(), step instanceof GateStep ? "gate" : "action",
                            step instanceof GateStep g ? g.gate() : ((ActionStep) step).kind().spelling(),
                            StepStatus.NOT_REACHED, !(step instanceof GateStep g2) || g2.required(),
                            "not reached: the run stopped before this step", null, 0)));
        }
        return new CutoverReport(job, runId, outcomes);
    }

    public List<StepOutcome> outcomes() {
        return outcomes;
    }

    public boolean any(StepStatus status) {
        return outcomes.stream().anyMatch(o -> o.status() == status);
    }

    /** A required step that failed (not one that could not measure). */
    public boolean failed() {
        return outcomes.stream().anyMatch(o -> o.required() && o.status() == StepStatus.FAIL);
    }

    public boolean couldNotMeasure() {
        return outcomes.stream().anyMatch(o -> o.required() && o.status() == StepStatus.ERROR);
    }

    public void write(Path runDir) {
        try {
            PrivateFiles.directory(runDir);
            PrivateFiles.write(runDir.resolve("junit.xml"), junit());
            PrivateFiles.write(runDir.resolve("summary.md"), markdown());
        } catch (IOException e) {
            throw new ParityException(Failure.INCOMPLETE, "cannot write reports to " + runDir + " (" + e.getMessage() + ")", e);
        }
    }

    String junit() {
        long failures = outcomes.stream().filter(o -> o.status() == StepStatus.FAIL).count();
        long errors = outcomes.stream().filter(o -> o.status() == StepStatus.ERROR).count();
        long skipped = outcomes.stream().filter(o -> o.status() == StepStatus.SKIPPED || o.status() == StepStatus.NOT_REACHED
                || o.status() == StepStatus.PAUSED).count();
        double seconds = outcomes.stream().mapToLong(StepOutcome::millis).sum() / 1000.0;
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.3f\">%n",
                xml("parity cutover " + job + " run " + runId), outcomes.size(), failures, errors, skipped, seconds));
        for (StepOutcome o : outcomes) {
            x.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">",
                    xml("parity.cutover." + job), xml(o.id()), o.millis() / 1000.0));
            String reason = xml(o.reason());
            switch (o.status()) {
                case FAIL -> x.append("\n    <failure message=\"").append(reason).append("\">evidence: ")
                        .append(xml(o.id())).append(".json").append(o.required() ? "" : " (advisory)").append("</failure>\n  ");
                case ERROR -> x.append("\n    <error message=\"").append(reason).append("\"/>\n  ");
                case SKIPPED, NOT_REACHED, PAUSED -> x.append("\n    <skipped message=\"").append(reason).append("\"/>\n  ");
                default -> x.append("\n    <system-out>").append(reason).append("</system-out>\n  ");
            }
            x.append("</testcase>\n");
        }
        return x.append("</testsuite>\n").toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Cutover: job ").append(job).append(", run ").append(runId).append("\n\n");
        md.append("Result: **").append(verdict()).append("**\n\n");
        md.append("| step | status | required | took | reason | evidence |\n|---|---|---|---|---|---|\n");
        for (StepOutcome o : outcomes) {
            md.append("| ").append(o.id()).append(" | ").append(o.status()).append(" | ").append(o.required() ? "yes" : "no")
                    .append(" | ").append(o.started() == null ? "" : Durations.format(Duration.ofMillis(o.millis())))
                    .append(" | ").append(o.reason().replace("|", "\\|").replace("\n", " ")).append(" | ")
                    .append(o.status() == StepStatus.NOT_REACHED ? "" : "[" + o.id() + ".json](" + o.id() + ".json)")
                    .append(" |\n");
        }
        return md.toString();
    }

    /** One line: what the run amounts to. */
    public String verdict() {
        if (couldNotMeasure()) {
            return "COULD NOT MEASURE";
        }
        if (failed()) {
            return "FAILED";
        }
        if (any(StepStatus.PAUSED)) {
            return "PAUSED";
        }
        return any(StepStatus.NOT_REACHED) ? "INCOMPLETE" : "PASSED";
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
    }
}
