package io.parity.cli;

import io.parity.batch.RunProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress bar of a running verify, redrawn in place on stderr:
 *
 * <pre>
 * verifying [############..................]  41%  4,812/11,700 rows  10 chunks  3,950 rows/s  ETA 0:02  9 differing
 * </pre>
 *
 * The total is the tables' row estimate (exact on H2, the server's statistics on MySQL/MariaDB), so the percentage is
 * capped at 99 until the run ends. Redraws are throttled, because partition threads report every chunk. Only used when
 * stderr is a terminal and {@code --quiet} is off: in a log file a carriage-return animation is noise.
 */
final class ProgressLine {

    static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final long totalRows;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressLine(PrintStream err, long totalRows) {
        this.err = err;
        this.totalRows = Math.max(1, totalRows);
    }

    /** Whether a live progress bar makes sense: a terminal, not a dumb one, and not asked to be quiet. */
    static boolean wanted(boolean quiet) {
        return !quiet && System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    synchronized void update(RunProgress p) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        err.print("\r" + render(p.rows(), p.chunks(), p.diffs(), (now - started) / 1_000_000) + "\u001b[K");
        err.flush();
    }

    synchronized void finish() {
        if (lastDraw != 0) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    String render(long rows, long chunks, long diffs, long elapsedMillis) {
        long pct = Math.min(99, rows * 100 / totalRows);
        int filled = (int) (pct * WIDTH / 100);
        double rate = elapsedMillis <= 0 ? 0 : rows * 1000.0 / elapsedMillis;
        String eta = rate <= 0 ? "?" : clock(Math.max(0, (long) ((totalRows - rows) / rate)));
        return String.format(Locale.ROOT, "verifying [%s%s] %3d%%  %,d/%,d rows  %,d chunks  %,.0f rows/s  ETA %s  %,d differing",
                "#".repeat(filled), ".".repeat(WIDTH - filled), pct, rows, totalRows, chunks, rate, eta, diffs);
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
