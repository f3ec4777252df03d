package io.parity.report;

import io.parity.store.StoredChunk;
import io.parity.store.StoredDiff;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched) a team lead can
 * forward. Verdict first, then the per-table table, the charts, the columns that differ most, sample rows side by
 * side, schema findings, timings, and the spec with secrets redacted. Every value is escaped.
 */
final class HtmlReport {

    private final RunSummary s;
    private final List<StoredDiff> diffs;
    private final ReportDetails d;
    private final ReportMask mask;

    HtmlReport(RunSummary summary, List<StoredDiff> diffs, ReportDetails details) {
        this(summary, diffs, details, ReportMask.full());
    }

    HtmlReport(RunSummary summary, List<StoredDiff> diffs, ReportDetails details, ReportMask mask) {
        this.s = summary;
        this.diffs = diffs;
        this.d = details;
        this.mask = mask;
    }

    String render() {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Parity: ").append(Html.esc(s.job())).append(" run ").append(s.runId()).append(" - ")
                .append(Html.esc(s.verdict())).append("</title><style>").append(ReportStyle.CSS).append("</style></head><body>\n");
        banner(h);
        h.append("<main>\n");
        overview(h);
        tables(h);
        h.append("<section id=\"chart\"><h2>Differing rows per table</h2>")
                .append(SvgCharts.differencesChart(s.tables())).append("</section>\n");
        keySpace(h);
        columns(h);
        new SampleSection(d.samples(), mask.showsValues(), mask.masksAny()).append(h);
        findings(h);
        timings(h);
        spec(h);
        h.append("</main><footer>Parity ").append(Html.esc(s.parityVersion())).append(" · report schema ")
                .append(s.schemaVersion()).append(" · <code>summary.json</code>, <code>diffs.jsonl</code>,")
                .append(" <code>junit.xml</code> beside this file</footer>\n</body></html>\n");
        return h.toString();
    }

    private void banner(StringBuilder h) {
        long tablesWithDiffs = s.tables().stream().filter(t -> !t.status().equals("consistent")).count();
        String title = switch (s.verdict()) {
            case "consistent" -> "CONSISTENT";
            case "differences" -> "DIFFERENCES FOUND";
            default -> "INCOMPLETE";
        };
        String detail = switch (s.verdict()) {
            case "consistent" -> "Every compared row is equal in all " + s.tables().size() + " tables.";
            case "differences" -> s.rowDifferences() + " differing rows and " + s.schemaFindings() + " schema findings in "
                    + tablesWithDiffs + " of " + s.tables().size() + " tables.";
            default -> s.error() != null ? "The check did not finish; what is below is partial. " + s.error()
                    : s.notCompared().size() + " of " + s.tables().size() + " tables could not be compared; the reasons"
                    + " are in the table below. No other table differs.";
        };
        h.append("<header id=\"verdict\" class=\"banner ").append(Html.esc(s.verdict())).append("\"><h1>")
                .append(title).append("</h1><p>").append(Html.esc(detail)).append("</p><p class=\"sub\">job <b>")
                .append(Html.esc(s.job())).append("</b> · run ").append(s.runId()).append(" · ")
                .append(Html.esc(String.valueOf(s.started()))).append("</p></header>\n");
    }

    private void overview(StringBuilder h) {
        h.append("<section id=\"overview\"><dl>");
        row(h, "Source", s.source());
        row(h, "Destination", s.destination());
        row(h, "Started", s.started());
        row(h, "Ended", s.ended() + " (" + duration(s.started() == null || s.ended() == null ? -1
                : Duration.between(s.started(), s.ended()).toMillis()) + ")");
        row(h, "Row hash", s.hash());
        if (s.hashing() != null) {
            row(h, "Hashing", s.hashing());
        }
        if (s.inFlight() != null) {
            row(h, "In-flight rows", s.inFlight().describe());
        }
        h.append("</dl></section>\n");
    }

    private static void row(StringBuilder h, String name, Object value) {
        h.append("<dt>").append(name).append("</dt><dd>").append(Html.esc(value)).append("</dd>");
    }

    private void tables(StringBuilder h) {
        h.append("<section id=\"tables\"><h2>Tables</h2><table id=\"table-summary\"><thead><tr><th>Table</th>")
                .append("<th>Status</th><th class=\"n\">Source rows</th><th class=\"n\">Destination rows</th>")
                .append("<th class=\"n\">Chunks</th><th class=\"n\">Differing chunks</th><th class=\"n\">Missing</th>")
                .append("<th class=\"n\">Extra</th><th class=\"n\">Changed</th><th class=\"n\">Schema findings</th>")
                .append("<th class=\"n\">Time</th></tr></thead><tbody>");
        for (TableSummary t : s.tables()) {
            h.append("<tr class=\"").append(Html.esc(t.status())).append("\"><td>").append(Html.esc(t.table()));
            if (t.target() != null && !t.target().equals(t.table())) {
                h.append(" → ").append(Html.esc(t.target()));
            }
            h.append("</td><td><span class=\"status ").append(Html.esc(t.status())).append("\">").append(Html.esc(t.status()))
                    .append("</span>");
            if (t.reason() != null) {
                h.append("<div class=\"reason\">").append(Html.esc(t.reason())).append("</div>");
            }
            h.append("</td>");
            for (long n : new long[] {t.sourceRows(), t.destinationRows(), t.chunks(), t.mismatchedChunks(), t.missing(),
                    t.extra(), t.changed(), t.schemaFindings().size()}) {
                h.append("<td class=\"n").append(n == 0 ? " zero" : "").append("\">").append(String.format(java.util.Locale.ROOT, "%,d", n))
                        .append("</td>");
            }
            h.append("<td class=\"n\">").append(duration(t.millis())).append("</td></tr>");
        }
        h.append("</tbody></table>");
        shards(h);
        h.append("</section>\n");
    }

    /**
     * With a sharded side: per table, each shard's rows and the differences of the rows it holds, then the rows held
     * by two shards and those in none.
     */
    private void shards(StringBuilder h) {
        List<TableSummary> sharded = s.tables().stream().filter(t -> !t.shards().isEmpty()).toList();
        if (sharded.isEmpty()) {
            return;
        }
        h.append("<h3>Shards</h3><table id=\"shard-summary\"><thead><tr><th>Table</th><th>Shard</th>")
                .append("<th class=\"n\">Rows</th><th class=\"n\">Missing</th><th class=\"n\">Extra</th>")
                .append("<th class=\"n\">Changed</th><th class=\"n\">Also in another shard</th></tr></thead><tbody>");
        for (TableSummary t : sharded) {
            for (TableSummary.ShardCounts c : t.shards()) {
                h.append("<tr><td>").append(Html.esc(t.table())).append("</td><td>").append(Html.esc(c.shard()))
                        .append("</td>");
                for (long n : new long[] {c.rows(), c.missing(), c.extra(), c.changed(), c.duplicate()}) {
                    h.append("<td class=\"n").append(n == 0 ? " zero" : "").append("\">")
                            .append(String.format(java.util.Locale.ROOT, "%,d", n)).append("</td>");
                }
                h.append("</tr>");
            }
            long held = t.shards().stream().mapToLong(c -> c.missing() + c.extra() + c.changed()).sum();
            long inNone = t.rowDifferences() - held - t.duplicate();
            h.append("<tr><td>").append(Html.esc(t.table())).append("</td><td><em>in no shard</em></td><td></td>")
                    .append("<td class=\"n\" colspan=\"4\">").append(String.format(java.util.Locale.ROOT, "%,d", inNone))
                    .append(" row(s); ").append(t.duplicate()).append(" held by two or more shards</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private void keySpace(StringBuilder h) {
        Map<String, List<StoredChunk>> byTable = d.chunks().stream()
                .collect(Collectors.groupingBy(StoredChunk::tableId, LinkedHashMap::new, Collectors.toList()));
        h.append("<section id=\"keyspace\"><h2>Where the differences lie</h2><p class=\"note\">One cell per chunk,")
                .append(" in key order from the lowest key (left) to the highest (right); red chunks had differing rows.</p>");
        for (TableSummary t : s.tables()) {
            List<StoredChunk> chunks = byTable.getOrDefault(t.table(), List.of());
            h.append("<div class=\"strip-row\"><span class=\"strip-label\">").append(Html.esc(t.table())).append("</span>");
            h.append(chunks.isEmpty() ? "<span class=\"note\">not compared</span>" : SvgCharts.keySpaceStrip(t.table(), chunks));
            h.append("</div>");
        }
        h.append("</section>\n");
    }

    private void columns(StringBuilder h) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StoredDiff diff : diffs) {
            for (String c : diff.columns()) {
                counts.merge(diff.tableId() + "\u0000" + c, 1L, Long::sum);
            }
        }
        h.append("<section id=\"columns\"><h2>Differing columns</h2>");
        if (counts.isEmpty()) {
            h.append("<p class=\"note\">No changed rows.</p></section>\n");
            return;
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        h.append("<table id=\"column-ranking\"><thead><tr><th>Table</th><th>Column</th><th class=\"n\">Changed rows</th>")
                .append("<th></th></tr></thead><tbody>");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> {
                    String[] parts = e.getKey().split("\u0000", 2);
                    h.append("<tr><td>").append(Html.esc(parts[0])).append("</td><td><code>").append(Html.esc(parts[1]))
                            .append("</code></td><td class=\"n\">").append(e.getValue()).append("</td><td><span class=\"meter\"")
                            .append(" style=\"width:").append(Math.max(2, 200 * e.getValue() / max)).append("px\"></span></td></tr>");
                });
        h.append("</tbody></table></section>\n");
    }

    private void findings(StringBuilder h) {
        if (s.schemaFindings() == 0) {
            return;
        }
        h.append("<section id=\"findings\"><h2>Schema findings</h2><ul>");
        for (TableSummary t : s.tables()) {
            t.schemaFindings().forEach(f -> h.append("<li><b>").append(Html.esc(t.table())).append("</b>: ")
                    .append(Html.esc(f)).append("</li>"));
        }
        h.append("</ul></section>\n");
    }

    private void timings(StringBuilder h) {
        h.append("<section id=\"timings\"><h2>Timings</h2><table><thead><tr><th>Phase</th><th class=\"n\">Time</th>")
                .append("</tr></thead><tbody>");
        for (Phase p : d.phases()) {
            h.append("<tr><td>").append(Html.esc(p.name())).append("</td><td class=\"n\">").append(duration(p.millis()))
                    .append("</td></tr>");
        }
        s.tables().stream().sorted(Comparator.comparingLong(TableSummary::millis).reversed()).forEach(t ->
                h.append("<tr><td>checking ").append(Html.esc(t.table())).append(" (sum over its chunks)</td><td class=\"n\">")
                        .append(duration(t.millis())).append("</td></tr>"));
        h.append("</tbody></table></section>\n");
    }

    private void spec(StringBuilder h) {
        h.append("<section id=\"spec\"><h2>Job spec</h2><p><code>").append(Html.esc(s.specFile()))
                .append("</code> · sha256 <code id=\"spec-sha\">").append(Html.esc(s.specSha256()))
                .append("</code> · passwords redacted</p><pre>").append(Html.esc(d.redactedSpec())).append("</pre></section>\n");
    }

    static String duration(long millis) {
        if (millis < 0) {
            return "?";
        }
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
