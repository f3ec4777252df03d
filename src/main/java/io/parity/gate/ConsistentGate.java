package io.parity.gate;

import io.parity.spec.Durations;
import io.parity.spec.GateSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code consistent}: a verify run of the spec's tables found zero differences. Without {@code max-age} the gate runs
 * the verification now, through the same job as {@code parity verify}; with {@code max-age} it accepts the job's
 * newest completed run if it finished no longer ago than that, so a long verification can be done ahead of the window.
 */
public final class ConsistentGate implements Gate {

    public static final String NAME = "consistent";

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        boolean reverse = "reverse".equals(settings.string("direction", "forward"));
        io.parity.spec.JobSpec spec = reverse ? context.spec().reversed() : context.spec();
        Optional<VerifyOutcome> outcome = settings.has("max-age") ? context.verifyRuns().latest(spec)
                : Optional.of(context.verifyRuns().runNow(spec));
        Instant now = context.clock().instant();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("mode", settings.has("max-age") ? "recent run" : "run now");
        values.put("direction", reverse ? "reverse (destination against the source)" : "forward");
        if (outcome.isEmpty()) {
            values.put("run_id", null);
            return new Observation(now, "no completed verify run of job " + spec.name(), values);
        }
        VerifyOutcome o = outcome.get();
        values.put("run_id", o.runId());
        values.put("completed", o.completed());
        values.put("verdict", o.verdict());
        values.put("differing_rows", o.differingRows());
        values.put("schema_findings", o.schemaFindings());
        values.put("finished_at", o.finishedAt() == null ? null : o.finishedAt().toString());
        values.put("report_dir", o.reportDir().toString());
        values.put("age_seconds", o.finishedAt() == null ? null : Duration.between(o.finishedAt(), now).toSeconds());
        String text = "verify run " + o.runId() + ": " + o.verdict() + ", " + o.differingRows() + " differing rows, "
                + o.schemaFindings() + " schema findings" + (o.finishedAt() == null ? ""
                : ", finished " + Durations.format(Duration.between(o.finishedAt(), now)) + " ago")
                + " (report " + o.reportDir() + "/)";
        return new Observation(context.clock().instant(), text, values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        Observation last = series.get(series.size() - 1);
        if (last.value("run_id") == null) {
            return Decision.fail(last.text() + "; run 'parity verify --job " + "<spec>' first or drop max-age");
        }
        if (!last.flag("completed")) {
            return Decision.fail(last.text() + "; the run did not complete");
        }
        if (settings.has("max-age")) {
            Duration maxAge = settings.duration("max-age", Duration.ZERO);
            Long age = last.number("age_seconds");
            if (age == null || age > maxAge.toSeconds()) {
                return Decision.fail(last.text() + "; older than max-age " + Durations.format(maxAge) + ", verify again");
            }
        }
        long diffs = last.number("differing_rows") + last.number("schema_findings");
        Object verdict = last.value("verdict");
        if (diffs == 0 && verdict != null && !"consistent".equals(verdict)) {
            // every compared row is equal, but some table was not compared: that proves nothing about it
            return Decision.fail(last.text() + "; a table was not compared, see the report for why");
        }
        return diffs == 0 ? Decision.pass(last.text()) : Decision.fail(last.text() + "; repair and verify again");
    }
}
