package io.parity.report;

import java.util.List;

/**
 * Sample rows side by side: per row a small table with the source's values above the destination's, the differing
 * cells highlighted. Text is shown between quotes so that {@code ''}, trailing spaces and case are visible; NULL is
 * shown as NULL, a side without the row says so.
 */
final class SampleSection {

    private final List<SampleRow> samples;
    private final boolean values;
    private final boolean masked;

    SampleSection(List<SampleRow> samples) {
        this(samples, true, false);
    }

    /**
     * @param values false with {@code samples: none}: keys and differing columns only
     * @param masked whether some values are keyed hashes, which the reader is told how to read
     */
    SampleSection(List<SampleRow> samples, boolean values, boolean masked) {
        this.samples = samples;
        this.values = values;
        this.masked = masked;
    }

    void append(StringBuilder h) {
        h.append("<section id=\"samples\"><h2>Sample rows</h2><p class=\"note\">Up to ").append(SampleReader.PER_TABLE)
                .append(" differing rows per table, read fresh from both sides when this report was written;")
                .append(" every differing key is in <code>diffs.jsonl</code>.</p>");
        if (masked && values) {
            h.append("<p class=\"note\">Masked values are shown as <code>hmac:</code> and a keyed hash: equal values")
                    .append(" have equal hashes, different values different ones; the values cannot be read back.</p>");
        }
        if (!values) {
            h.append("<p class=\"note\">Values are not shown (<code>report.samples: none</code>): the first")
                    .append(" differing keys and the columns that differ only.</p>");
        }
        if (samples.isEmpty()) {
            h.append("<p class=\"note\">No differing rows.</p>");
        }
        String table = null;
        for (SampleRow r : samples) {
            if (!r.tableId().equals(table)) {
                table = r.tableId();
                h.append("<h3>").append(Html.esc(table)).append("</h3>");
            }
            sample(h, r);
        }
        h.append("</section>\n");
    }

    private void sample(StringBuilder h, SampleRow r) {
        h.append("<div class=\"sample\"><p><span class=\"kind ").append(Html.esc(r.kind())).append("\">")
                .append(Html.esc(r.kind())).append("</span> <code>").append(Html.esc(r.key())).append("</code>");
        if (!values) {
            h.append(r.differing().isEmpty() ? "" : " differing: <code>" + Html.esc(String.join(", ", r.differing()))
                    + "</code>").append("</p></div>");
            return;
        }
        h.append("</p>")
                .append("<div class=\"scroll\"><table class=\"side-by-side\"><thead><tr><th></th>");
        for (String c : r.columns()) {
            h.append("<th").append(r.differing().contains(c) ? " class=\"diff\"" : "").append(">").append(Html.esc(c))
                    .append("</th>");
        }
        h.append("</tr></thead><tbody>");
        side(h, "source", r, r.source());
        side(h, "destination", r, r.destination());
        h.append("</tbody></table></div></div>");
    }

    private static void side(StringBuilder h, String label, SampleRow r, List<String> values) {
        h.append("<tr><th>").append(label).append("</th>");
        if (values == null) {
            h.append("<td class=\"absent\" colspan=\"").append(r.columns().size()).append("\">no row with this key</td></tr>");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            boolean differs = r.differing().contains(r.columns().get(i)) || r.kind().equals("missing") && label.equals("source")
                    || r.kind().equals("extra") && label.equals("destination");
            String v = values.get(i);
            h.append("<td").append(differs ? " class=\"diff\"" : "").append(">");
            if (v == null) {
                h.append("<span class=\"null\">NULL</span>");
            } else if (r.text().contains(r.columns().get(i))) {
                h.append("<span class=\"q\">‘</span>").append(Html.esc(v)).append("<span class=\"q\">’</span>");
            } else {
                h.append(Html.esc(v));
            }
            h.append("</td>");
        }
        h.append("</tr>");
    }
}
