package io.parity.serve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A job's differences over its runs as an inline SVG line, oldest left: one dot per run coloured by verdict, so a
 * drift that grows, or a fix that brought it to zero, shows at a glance without any script or external asset.
 *
 * <p>Example: {@code <svg class="trend" data-job="shop" data-points="3" ...><polyline .../><circle class="dot
 * differences" .../>...</svg>}
 */
final class TrendChart {

    static final int WIDTH = 360;
    static final int HEIGHT = 64;
    private static final int PAD = 6;

    private TrendChart() {
    }

    /** @param newestFirst runs as the history lists them */
    static String svg(String job, List<RunEntry> newestFirst) {
        List<RunEntry> runs = new ArrayList<>(newestFirst.stream().filter(r -> !r.verdict().equals("running")).toList());
        Collections.reverse(runs);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"trend\" data-job=\"%s\" data-points=\"%d\" width=\"%d\""
                        + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"differences per run\">",
                io.parity.report.Html.esc(job), runs.size(), WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", PAD,
                HEIGHT - PAD, WIDTH - PAD, HEIGHT - PAD));
        if (runs.isEmpty()) {
            return svg.append("<text x=\"10\" y=\"30\">no runs yet</text></svg>").toString();
        }
        long max = Math.max(1, runs.stream().mapToLong(RunEntry::differences).max().orElse(1));
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            RunEntry run = runs.get(i);
            double x = runs.size() == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (runs.size() - 1);
            double y = HEIGHT - PAD - run.differences() * (HEIGHT - 2.0 * PAD) / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle class=\"dot %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\">"
                    + "<title>run %d: %d differences</title></circle>", run.verdict(), x, y, run.runId(),
                    run.differences()));
        }
        svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(points.toString().trim()).append("\"/>");
        svg.append(dots);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" class=\"max\">max %d</text>", PAD, max));
        return svg.append("</svg>").toString();
    }
}
