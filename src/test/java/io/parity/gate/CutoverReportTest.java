package io.parity.gate;

import io.parity.spec.CutoverStep;
import io.parity.spec.Durations;
import io.parity.spec.GateSettings;
import io.parity.spec.GateStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** junit.xml and summary.md rebuilt from evidence files, with unreached steps and XML escaping. */
class CutoverReportTest {

    @TempDir
    Path runDir;

    private static Map<String, Object> evidence(String id, String status, boolean required, String reason) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("step", id);
        e.put("kind", "gate");
        e.put("name", id.substring(3));
        e.put("status", status);
        e.put("required", required);
        e.put("reason", reason);
        e.put("started", "2026-01-01T00:00:00Z");
        e.put("took_ms", 1500);
        return e;
    }

    private static GateStep step(String id, boolean required) {
        return new GateStep(id, id.substring(3), true, null, required, new GateSettings(id.substring(3), Map.of()), "f");
    }

    @Test
    void failuresErrorsAndUnreachedStepsBecomeJUnitCases() throws IOException {
        EvidenceFiles.write(runDir, "01-lag", evidence("01-lag", "PASS", true, "delay 120 ms"));
        EvidenceFiles.write(runDir, "02-backup", evidence("02-backup", "FAIL", false, "backup <old> & \"stale\""));
        EvidenceFiles.write(runDir, "03-sessions", evidence("03-sessions", "FAIL", true, "session 7 app@h"));
        List<CutoverStep> plan = List.of(step("01-lag", true), step("02-backup", false), step("03-sessions", true),
                step("04-grants", true));

        CutoverReport report = CutoverReport.collect("shop", 12, plan, runDir);
        report.write(runDir);

        assertEquals(List.of(StepStatus.PASS, StepStatus.FAIL, StepStatus.FAIL, StepStatus.NOT_REACHED),
                report.outcomes().stream().map(StepOutcome::status).toList());
        assertTrue(report.failed());
        assertFalse(report.couldNotMeasure());
        assertEquals("FAILED", report.verdict());
        String junit = Files.readString(runDir.resolve("junit.xml"));
        assertTrue(junit.contains("tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"1\" time=\"4.500\""), junit);
        assertTrue(junit.contains("<failure message=\"backup &lt;old&gt; &amp; &quot;stale&quot;\">evidence: 02-backup.json (advisory)"), junit);
        assertTrue(junit.contains("<testcase classname=\"parity.cutover.shop\" name=\"04-grants\" time=\"0.000\">\n    <skipped message=\"not reached"), junit);
        String md = Files.readString(runDir.resolve("summary.md"));
        assertTrue(md.contains("| 03-sessions | FAIL | yes | 1.5 s | session 7 app@h | [03-sessions.json](03-sessions.json) |"), md);
    }

    @Test
    void onlyRequiredStepsDecideAndAnErrorOutranksAFailure() {
        StepOutcome advisoryFail = new StepOutcome("01-b", "gate", "backup", StepStatus.FAIL, false, "", null, 0);
        StepOutcome error = new StepOutcome("02-l", "gate", "lag", StepStatus.ERROR, true, "", null, 0);
        assertFalse(advisoryFail.blocks());
        assertTrue(error.blocks());
        assertEquals("1.5 s", Durations.format(Duration.ofMillis(1500)));
    }
}
