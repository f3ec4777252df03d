package io.parity.serve;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The page and its trend chart from given job views: scaling, colours by verdict, escaping, the running badge. */
class ServePageTest {

    static RunEntry run(long id, String verdict, long differences) {
        return new RunEntry(id, "COMPLETED", verdict, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id), 100L,
                1000, 4, differences, 0, 0, 0, differences, "/reports/j/" + id + "/report.html");
    }

    @Test
    void trendPutsOldestLeftAndScalesToTheLargestCount() {
        // newest first, as the history lists them
        String svg = TrendChart.svg("j", List.of(run(3, "consistent", 0), run(2, "differences", 8),
                run(1, "differences", 4)));
        assertThat(svg).contains("data-points=\"3\"")
                .contains("points=\"6.0,32.0 180.0,6.0 354.0,58.0\"") // 4 of 8 is mid-height, 8 the top, 0 the axis
                .contains("<circle class=\"dot differences\" cx=\"6.0\"").contains("<circle class=\"dot consistent\" cx=\"354.0\"")
                .contains("<title>run 2: 8 differences</title>").contains("max 8");
    }

    @Test
    void trendSkipsRunningRunsAndSaysWhenThereAreNone() {
        RunEntry running = new RunEntry(9, "STARTED", "running", null, null, 0, 0, 0, 0, 0, 0, 0, null);
        assertThat(TrendChart.svg("j", List.of(running))).contains("data-points=\"0\"").contains("no runs yet");
    }

    @Test
    void pageShowsLastVerdictWhileRunningAndEscapesErrors() {
        JobView job = new JobView("shop", "0 */15 * * * *", Instant.parse("2026-01-01T00:15:00Z"), true, "differences",
                "source: <unreachable> host", List.of(run(2, "differences", 3), run(1, "consistent", 0)));
        String html = ServePage.render(List.of(job), Instant.parse("2026-01-01T00:10:00Z"));
        assertThat(html).contains("<tr class=\"job\" data-job=\"shop\">")
                .contains("<span class=\"status differences\">differences</span> <span class=\"status running\">running now</span>")
                .contains("source: &lt;unreachable&gt; host").doesNotContain("<unreachable>")
                .contains("<a class=\"report\" href=\"/reports/j/2/report.html\">").contains("<tr class=\"run\" data-run=\"1\">")
                .doesNotContain("<script");
    }
}
