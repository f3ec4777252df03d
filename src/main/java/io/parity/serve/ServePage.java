package io.parity.serve;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static io.parity.report.Html.esc;

/**
 * The service's one HTML page: a row per job (schedule, next run, last verdict, trend), then each job's recent runs
 * with links to their reports. Self-contained like report.html; it refreshes itself every 30 seconds with a meta tag
 * rather than a script.
 */
final class ServePage {

    private static final int RUNS_LISTED = 10;

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
            header{background:#1d2733;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
            main{max-width:1180px;margin:0 auto;padding:8px 24px 32px}
            section{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:14px 18px;margin:16px 0}
            h2{font-size:17px;margin:0 0 10px}
            table{border-collapse:collapse;font-size:13px}th,td{padding:4px 9px;border-bottom:1px solid #eceef1;text-align:left;vertical-align:middle}
            thead th{background:#f0f2f5;font-weight:600}.n{text-align:right;font-variant-numeric:tabular-nums}
            .status{padding:1px 7px;border-radius:9px;font-size:12px;background:#e8eaed}
            .status.consistent{background:#d6f0de;color:#1e5e38}.status.differences{background:#fbd9d6;color:#8c1d18}
            .status.running{background:#d4e6f9;color:#0b4f8a}
            .error{color:#8c1d18;font-size:12.5px}.note{color:#5f6b7a;font-size:12.5px}
            svg.trend .axis{stroke:#c9ced6}svg.trend .line{stroke:#00798c;stroke-width:1.5}
            svg.trend .dot{fill:#5f6368}svg.trend .dot.consistent{fill:#2e7d4f}svg.trend .dot.differences{fill:#b3261e}
            svg text{font:11px system-ui,sans-serif;fill:#5f6b7a}
            """;

    private ServePage() {
    }

    static String render(List<JobView> jobs, Instant now) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"30\"><title>Parity — scheduled checks</title><style>")
                .append(CSS).append("</style></head><body><header><h1>Parity — scheduled checks</h1></header><main>");
        html.append("<section id=\"jobs\"><h2>Jobs</h2><table><thead><tr><th>Job</th><th>Schedule</th><th>Next run</th>"
                + "<th>Last verdict</th><th class=\"n\">Differences</th><th>Trend (differences per run, oldest left)</th>"
                + "<th>Report</th></tr></thead><tbody>");
        for (JobView job : jobs) {
            html.append(jobRow(job));
        }
        html.append("</tbody></table><p class=\"note\">JSON: <a href=\"/api/jobs\">/api/jobs</a> · Prometheus:"
                + " <a href=\"/metrics\">/metrics</a> · page as of ").append(esc(now.truncatedTo(ChronoUnit.SECONDS)))
                .append("</p></section>");
        for (JobView job : jobs) {
            html.append(runs(job));
        }
        return html.append("</main></body></html>").toString();
    }

    private static String jobRow(JobView job) {
        RunEntry last = job.runs().stream().filter(r -> !r.verdict().equals("running")).findFirst().orElse(null);
        String verdict = job.lastVerdict() == null ? "no runs yet" : job.lastVerdict();
        StringBuilder row = new StringBuilder("<tr class=\"job\" data-job=\"").append(esc(job.name())).append("\">");
        row.append("<td><a href=\"#runs-").append(esc(job.name())).append("\">").append(esc(job.name())).append("</a>");
        if (job.lastError() != null) {
            row.append("<div class=\"error\">").append(esc(job.lastError())).append("</div>");
        }
        row.append("</td><td><code>").append(esc(job.schedule())).append("</code></td><td>")
                .append(job.nextRun() == null ? "-" : esc(job.nextRun().truncatedTo(ChronoUnit.SECONDS))).append("</td>");
        row.append("<td><span class=\"status ").append(esc(verdict)).append("\">").append(esc(verdict)).append("</span>")
                .append(job.running() ? " <span class=\"status running\">running now</span>" : "")
                .append("</td><td class=\"n\">").append(last == null ? "-" : last.differences()).append("</td><td>")
                .append(TrendChart.svg(job.name(), job.runs())).append("</td><td>")
                .append(last == null || last.report() == null ? "-" : link(last)).append("</td></tr>");
        return row.toString();
    }

    private static String runs(JobView job) {
        StringBuilder html = new StringBuilder("<section id=\"runs-").append(esc(job.name())).append("\"><h2>")
                .append(esc(job.name())).append(": latest runs</h2>");
        if (job.runs().isEmpty()) {
            return html.append("<p class=\"note\">No runs yet.</p></section>").toString();
        }
        html.append("<table><thead><tr><th class=\"n\">Run</th><th>Started</th><th class=\"n\">Duration</th>"
                + "<th>Verdict</th><th class=\"n\">Rows</th><th class=\"n\">Chunks</th><th class=\"n\">Missing</th>"
                + "<th class=\"n\">Extra</th><th class=\"n\">Changed</th><th class=\"n\">Schema</th><th>Report</th>"
                + "</tr></thead><tbody>");
        for (RunEntry run : job.runs().subList(0, Math.min(RUNS_LISTED, job.runs().size()))) {
            html.append("<tr class=\"run\" data-run=\"").append(run.runId()).append("\"><td class=\"n\">")
                    .append(run.runId()).append("</td><td>")
                    .append(run.started() == null ? "-" : esc(run.started().truncatedTo(ChronoUnit.SECONDS)))
                    .append("</td><td class=\"n\">").append(run.durationMillis() == null ? "-"
                            : String.format(Locale.ROOT, "%.1f s", run.durationMillis() / 1000.0))
                    .append("</td><td><span class=\"status ").append(esc(run.verdict())).append("\">")
                    .append(esc(run.verdict())).append("</span></td>");
            for (long n : new long[] {run.rows(), run.chunks(), run.missing(), run.extra(), run.changed(),
                    run.schemaFindings()}) {
                html.append("<td class=\"n\">").append(n).append("</td>");
            }
            html.append("<td>").append(run.report() == null ? "-" : link(run)).append("</td></tr>");
        }
        return html.append("</tbody></table></section>").toString();
    }

    private static String link(RunEntry run) {
        return "<a class=\"report\" href=\"" + esc(run.report()) + "\">report.html</a>";
    }
}
