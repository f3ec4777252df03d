package io.parity.report;

import io.parity.store.StoredChunk;

import java.util.List;
import java.util.Locale;

/**
 * The report's two drawings, as inline SVG so the page needs no script and no network: a stacked bar per table of
 * missing / extra / changed rows, and a strip per table with one cell per chunk in key order (chunks binned when a
 * table has more than {@value #MAX_CELLS}), red where the chunk's checksums differed. The strip answers "is the drift
 * in one place (a failed batch, a time window) or everywhere?".
 */
final class SvgCharts {

    static final String MISSING = "#d1495b";
    static final String EXTRA = "#edae49";
    static final String CHANGED = "#00798c";
    static final String DUPLICATE = "#6a4c93";
    static final int MAX_CELLS = 200;

    private static final int LABEL = 230;
    private static final int BAR = 480;
    private static final int ROW = 26;

    private SvgCharts() {
    }

    static String differencesChart(List<TableSummary> tables) {
        long max = Math.max(1, tables.stream().mapToLong(TableSummary::rowDifferences).max().orElse(1));
        int height = 30 + ROW * tables.size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"diff-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(LABEL + BAR + 80).append("\" height=\"").append(height)
                .append("\" aria-label=\"Differing rows per table\">");
        legend(svg, tables.stream().anyMatch(t -> t.duplicate() > 0));
        for (int i = 0; i < tables.size(); i++) {
            TableSummary t = tables.get(i);
            int y = 30 + i * ROW;
            svg.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" class=\"label\">").append(Html.esc(t.table())).append("</text>");
            double x = LABEL;
            x = segment(svg, t, "missing", t.missing(), MISSING, x, y, max);
            x = segment(svg, t, "extra", t.extra(), EXTRA, x, y, max);
            x = segment(svg, t, "changed", t.changed(), CHANGED, x, y, max);
            x = segment(svg, t, "in two shards", t.duplicate(), DUPLICATE, x, y, max);
            svg.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(y + 15).append("\" class=\"count\">")
                    .append("not-compared".equals(t.status()) ? "not compared" : t.rowDifferences()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, boolean duplicates) {
        String[][] items = duplicates
                ? new String[][] {{"missing", MISSING}, {"extra", EXTRA}, {"changed", CHANGED}, {"in two shards", DUPLICATE}}
                : new String[][] {{"missing", MISSING}, {"extra", EXTRA}, {"changed", CHANGED}};
        for (int i = 0; i < items.length; i++) {
            int x = LABEL + i * 110;
            svg.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"14\" height=\"14\" fill=\"").append(items[i][1])
                    .append("\"/><text x=\"").append(x + 20).append("\" y=\"16\" class=\"legend\">").append(items[i][0])
                    .append("</text>");
        }
    }

    private static double segment(StringBuilder svg, TableSummary t, String kind, long count, String color, double x,
                                  int y, long max) {
        if (count == 0) {
            return x;
        }
        double width = Math.max(2, BAR * (double) count / max);
        svg.append("<rect class=\"bar ").append(kind).append("\" data-table=\"").append(Html.esc(t.table()))
                .append("\" data-count=\"").append(count).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(y)
                .append("\" width=\"").append(fmt(width)).append("\" height=\"20\" fill=\"").append(color)
                .append("\"><title>").append(Html.esc(t.table())).append(": ").append(count).append(' ').append(kind)
                .append("</title></rect>");
        return x + width;
    }

    static String keySpaceStrip(String tableId, List<StoredChunk> chunks) {
        int width = 700;
        int cells = Math.min(MAX_CELLS, chunks.size());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"strip\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"22\" data-table=\"").append(Html.esc(tableId)).append("\" data-chunks=\"")
                .append(chunks.size()).append("\" role=\"img\" aria-label=\"chunks of ").append(Html.esc(tableId))
                .append(" in key order\">");
        double cell = (double) width / Math.max(1, cells);
        for (int c = 0; c < cells; c++) {
            int from = (int) ((long) c * chunks.size() / cells);
            int to = (int) ((long) (c + 1) * chunks.size() / cells);
            List<StoredChunk> bin = chunks.subList(from, to);
            long differing = bin.stream().filter(k -> !k.matched()).count();
            int rows = bin.stream().mapToInt(StoredChunk::diffs).sum();
            svg.append("<rect class=\"").append(differing > 0 ? "chunk differs" : "chunk").append("\" x=\"")
                    .append(fmt(c * cell)).append("\" y=\"1\" width=\"").append(fmt(Math.max(1, cell - 1)))
                    .append("\" height=\"20\" fill=\"").append(differing > 0 ? MISSING : "#cfe8d5").append("\"><title>")
                    .append(Html.esc(bin.get(0).chunkId())).append(bin.size() > 1 ? " … " + Html.esc(bin.get(bin.size() - 1)
                            .chunkId()) : "").append(differing > 0 ? ": " + rows + " differing rows" : ": equal")
                    .append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
