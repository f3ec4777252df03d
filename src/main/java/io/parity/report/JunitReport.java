package io.parity.report;

import io.parity.store.StoredDiff;

import java.util.List;
import java.util.Locale;

/**
 * {@code junit.xml} in the format CI systems read (Jenkins, GitLab, GitHub Actions reporters): one test suite for the
 * run, one test case per table. A table with differing rows or schema findings fails with the counts in the message
 * and the first {@value #SAMPLE_KEYS} differing keys in the body; an incomplete run adds an errored case, so a run
 * that could not check is never shown as green.
 *
 * <pre>
 * &lt;testsuite name="parity.shop" tests="2" failures="1" errors="0" time="3.2"&gt;
 *   &lt;testcase classname="parity.shop" name="shop.orders" time="1.9"&gt;
 *     &lt;failure message="3 missing, 1 extra, 2 changed, 0 schema findings" type="differences"&gt;...&lt;/failure&gt;
 * </pre>
 */
final class JunitReport {

    static final int SAMPLE_KEYS = 5;

    private final RunSummary s;
    private final List<StoredDiff> diffs;
    private final ReportMask mask;

    JunitReport(RunSummary summary, List<StoredDiff> diffs) {
        this(summary, diffs, ReportMask.full());
    }

    JunitReport(RunSummary summary, List<StoredDiff> diffs, ReportMask mask) {
        this.s = summary;
        this.diffs = diffs;
        this.mask = mask;
    }

    String render() {
        String suite = "parity." + s.job();
        long failures = s.tables().stream().filter(t -> !t.status().equals("consistent")).count();
        boolean incomplete = "incomplete".equals(s.verdict()) && s.error() != null;
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"").append(Html.esc(suite)).append("\" tests=\"")
                .append(s.tables().size() + (incomplete ? 1 : 0)).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(incomplete ? 1 : 0).append("\" skipped=\"0\" time=\"")
                .append(seconds(s.tables().stream().mapToLong(TableSummary::millis).sum())).append("\"")
                .append(s.started() == null ? "" : " timestamp=\"" + s.started() + "\"").append(">\n");
        x.append("  <properties><property name=\"run\" value=\"").append(s.runId()).append("\"/>")
                .append("<property name=\"verdict\" value=\"").append(Html.esc(s.verdict())).append("\"/>")
                .append("<property name=\"specSha256\" value=\"").append(Html.esc(s.specSha256())).append("\"/>")
                .append("<property name=\"parityVersion\" value=\"").append(Html.esc(s.parityVersion())).append("\"/></properties>\n");
        for (TableSummary t : s.tables()) {
            x.append("  <testcase classname=\"").append(Html.esc(suite)).append("\" name=\"").append(Html.esc(t.table()))
                    .append("\" time=\"").append(seconds(t.millis())).append("\"");
            if (t.status().equals("consistent")) {
                x.append("/>\n");
                continue;
            }
            x.append(">\n    <failure type=\"").append(Html.esc(t.status())).append("\" message=\"")
                    .append(Html.esc(message(t))).append("\">").append(Html.esc(body(t))).append("</failure>\n  </testcase>\n");
        }
        if (incomplete) {
            x.append("  <testcase classname=\"").append(Html.esc(suite)).append("\" name=\"run ").append(s.runId())
                    .append("\"><error type=\"incomplete\" message=\"").append(Html.esc(String.valueOf(s.error())))
                    .append("\"/></testcase>\n");
        }
        return x.append("</testsuite>\n").toString();
    }

    static String message(TableSummary t) {
        return t.missing() + " missing, " + t.extra() + " extra, " + t.changed() + " changed, "
                + t.schemaFindings().size() + " schema findings" + (t.reason() != null ? " (not compared: " + t.reason()
                + ")" : t.status().equals("not-compared") ? " (rows not compared)" : "");
    }

    private String body(TableSummary t) {
        StringBuilder b = new StringBuilder();
        t.schemaFindings().forEach(f -> b.append("schema: ").append(f).append('\n'));
        diffs.stream().filter(d -> d.tableId().equals(t.table())).limit(SAMPLE_KEYS).forEach(d ->
                b.append(d.kind().label()).append(' ').append(mask.keyText(t.table(), t.key(), d.key()))
                        .append(d.columns().isEmpty() ? "" : " " + d.columns()).append('\n'));
        if (t.rowDifferences() > SAMPLE_KEYS) {
            b.append("... ").append(t.rowDifferences() - SAMPLE_KEYS).append(" more in diffs.jsonl\n");
        }
        return b.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
