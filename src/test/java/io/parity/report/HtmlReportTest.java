package io.parity.report;

import io.parity.core.DiffKind;
import io.parity.core.KeyValues;
import io.parity.store.StoredChunk;
import io.parity.store.StoredDiff;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    static RunSummary summary(String table) {
        TableSummary t = new TableSummary(table, table, "differences", List.of("id"), 10, 10, 2, 1, 0, 0, 1, 0,
                List.of("type-different v: <int> on the source"), 12);
        return new RunSummary(1, "0.1.0", "j<b>", 7, "differences", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:01Z"), "H2 x", "H2 y", "jobs/j.yml", "a".repeat(64), "crc64",
                0, new RunSummary.InFlight("gtid-fence", "fence: gtid", 1500), List.of(t), null);
    }

    @Test
    void everyValueFromDatabasesAndSpecIsEscaped() {
        String table = "s.<script>alert(1)</script>";
        StoredDiff diff = new StoredDiff(table, table + "#000.000000", 0, DiffKind.CHANGED, KeyValues.of("<k>"),
                List.of("v\"><img src=x>"), StoredDiff.Status.FOUND);
        SampleRow sample = new SampleRow(table, "changed", "id='<k>'", List.of("id", "v\"><img src=x>"),
                List.of("<k>", "</td><script>"), Arrays.asList("<k>", null), List.of("v\"><img src=x>"),
                List.of("v\"><img src=x>"));
        String html = new HtmlReport(summary(table), List.of(diff), new ReportDetails(
                List.of(new StoredChunk(table, table + "#000.000000", false, 1)), List.of(sample), List.of(),
                "password: ******\n<script>")).render();
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<k>").doesNotContain("<int>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("<span class=\"q\">‘</span>&lt;/td&gt;&lt;script&gt;<span class=\"q\">’</span>")
                .contains("<span class=\"null\">NULL</span>").contains("class=\"chunk differs\"")
                .contains("<dt>In-flight rows</dt><dd>gtid-fence (fence: gtid); re-checks waited 1.5 s</dd>");
    }

    @Test
    void consistentRunHasGreenBannerAndNoSamples() {
        TableSummary t = new TableSummary("s.t", "s.t", "consistent", List.of("id"), 5, 5, 1, 0, 0, 0, 0, 0, List.of(), 3);
        RunSummary s = new RunSummary(1, "0.1.0", "j", 1, "consistent", null, null, "a", "b", "f", "b".repeat(64),
                "crc64", 0, null, List.of(t), null);
        String html = new HtmlReport(s, List.of(), ReportDetails.NONE).render();
        assertThat(html).contains("class=\"banner consistent\"").contains("CONSISTENT")
                .contains("Every compared row is equal in all 1 tables.").contains("No differing rows.");
    }

    @Test
    void junitXmlMarksConsistentTablesPassedAndIncompleteRunsErrored() {
        TableSummary ok = new TableSummary("s.ok", "s.ok", "consistent", List.of("id"), 5, 5, 1, 0, 0, 0, 0, 0, List.of(), 1500);
        RunSummary s = new RunSummary(1, "0.1.0", "j", 3, "incomplete", null, null, "a", "b", "f", "c".repeat(64),
                "crc64", 0, null, List.of(ok), "source: connection lost");
        String xml = new JunitReport(s, List.of()).render();
        assertThat(xml).contains("tests=\"2\" failures=\"0\" errors=\"1\"")
                .contains("<testcase classname=\"parity.j\" name=\"s.ok\" time=\"1.500\"/>")
                .contains("<error type=\"incomplete\" message=\"source: connection lost\"/>");
    }
}
