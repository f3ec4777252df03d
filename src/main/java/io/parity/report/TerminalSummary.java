package io.parity.report;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The few lines a user sees at the end of a run: one row per table, the verdict, and where the report is. Colour
 * (green consistent, red differences, yellow schema-only or incomplete) only when the CLI says stdout is a colour
 * terminal, so pipes and files get plain text.
 */
public final class TerminalSummary {

    private TerminalSummary() {
    }

    private static final String RESET = "\u001b[0m";

    public static void print(PrintWriter out, RunSummary s, Path reportDir) {
        print(out, s, reportDir, false);
    }

    public static void print(PrintWriter out, RunSummary s, Path reportDir, boolean color) {
        int width = Math.max(5, s.tables().stream().mapToInt(t -> t.table().length()).max().orElse(5));
        String row = "%-" + width + "s  %12s  %12s  %7s  %8s  %8s  %8s  %s%n";
        out.printf("%nParity verify  job %s  run %d%n", s.job(), s.runId());
        out.printf("  source       %s%n  destination  %s%n%n", s.source(), s.destination());
        out.printf(row, "TABLE", "SOURCE ROWS", "DEST ROWS", "CHUNKS", "MISSING", "EXTRA", "CHANGED", "STATUS");
        for (TableSummary t : s.tables()) {
            out.printf(row, t.table(), t.sourceRows(), t.destinationRows(), t.chunks(), t.missing(), t.extra(),
                    t.changed(), paint(color, colour(t.status()), t.status()) + (t.schemaFindings().isEmpty() ? ""
                            : " (" + t.schemaFindings().size() + " schema finding"
                            + (t.schemaFindings().size() == 1 ? "" : "s") + ")"));
            for (TableSummary.ShardCounts sc : t.shards()) {
                // the shard's own rows, under the side it belongs to
                boolean sourceSharded = s.source().matches("\\d+ shards: .*");
                out.printf(row, "  shard " + sc.shard(), sourceSharded ? sc.rows() : "", sourceSharded ? "" : sc.rows(),
                        "", sc.missing(), sc.extra(), sc.changed(), sc.duplicate() > 0 ? sc.duplicate()
                                + " also in another shard" : "");
            }
            if (t.duplicate() > 0 || !t.shards().isEmpty() && t.rowDifferences() > shardDifferences(t)) {
                long inNone = t.rowDifferences() - shardDifferences(t);
                out.println("  " + t.duplicate() + " row(s) held by two shards; " + inNone + " row(s) in no shard.");
            }
        }
        out.println();
        for (TableSummary t : s.notCompared()) {
            out.println(paint(color, "33", "not compared") + " " + t.table() + ": " + t.reason());
        }
        if (!s.notCompared().isEmpty()) {
            out.println();
        }
        long resolved = s.tables().stream().mapToLong(TableSummary::resolved).sum();
        if (resolved > 0) {
            out.println(resolved + " difference(s) resolved on re-check (in flight) and not counted.");
        }
        if (s.inFlight() != null && (resolved > 0 || s.inFlight().recheckWaitMillis() > 0)) {
            out.println("In-flight rows: " + s.inFlight().describe() + ".");
        }
        if (s.hashing() != null && s.hashing().startsWith("auto")) {
            out.println("Hashing " + s.hashing() + ".");
        }
        if (s.pausedMillis() > 0) {
            out.printf("Throttle paused the run for %.1f s.%n", s.pausedMillis() / 1000.0);
        }
        out.println(paint(color, "1;" + colour(s.verdict()), switch (s.verdict()) {
            case "consistent" -> "CONSISTENT: all compared rows are equal.";
            case "differences" -> "DIFFERENCES FOUND: " + s.rowDifferences() + " rows differ, " + s.schemaFindings()
                    + " schema findings.";
            default -> "INCOMPLETE: " + (s.error() != null ? s.error() : s.notCompared().size() + " of "
                    + s.tables().size() + " tables could not be compared (reasons above); the other tables were compared.");
        }));
        out.println("Report: " + reportDir.resolve("report.html"));
        out.println("        " + reportDir.resolve("report.md") + ", summary.json, diffs.jsonl, junit.xml");
        out.flush();
    }

    /** Differences of rows some shard holds (a duplicate counted once). */
    private static long shardDifferences(TableSummary t) {
        return t.shards().stream().mapToLong(sc -> sc.missing() + sc.extra() + sc.changed()).sum() + t.duplicate();
    }

    private static String colour(String status) {
        return switch (status) {
            case "consistent" -> "32";
            case "differences" -> "31";
            default -> "33";
        };
    }

    private static String paint(boolean color, String sgr, String text) {
        return color ? "\u001b[" + sgr + "m" + text + RESET : text;
    }
}
