package io.parity.report;

import io.parity.store.StoredDiff;

import java.time.Duration;
import java.util.List;

/** The readable report: verdict first, then a table per table, schema findings, and sample differing rows. */
final class MarkdownReport {

    static final int SAMPLE_ROWS = 20;

    private final RunSummary s;
    private final List<StoredDiff> diffs;
    private final ReportMask mask;

    MarkdownReport(RunSummary summary, List<StoredDiff> diffs) {
        this(summary, diffs, ReportMask.full());
    }

    MarkdownReport(RunSummary summary, List<StoredDiff> diffs, ReportMask mask) {
        this.s = summary;
        this.diffs = diffs;
        this.mask = mask;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Parity verify: ").append(s.job()).append(", run ").append(s.runId()).append("\n\n");
        md.append("**Verdict: ").append(headline()).append("**\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Source | ").append(s.source()).append(" |\n");
        md.append("| Destination | ").append(s.destination()).append(" |\n");
        md.append("| Started | ").append(s.started()).append(" |\n");
        md.append("| Ended | ").append(s.ended()).append(" (").append(duration()).append(") |\n");
        md.append("| Spec | `").append(s.specFile()).append("` sha256 `").append(s.specSha256(), 0, 12).append("` |\n");
        md.append("| Row hash | ").append(s.hash()).append(" |\n");
        if (s.hashing() != null) {
            md.append("| Hashing | ").append(s.hashing()).append(" |\n");
        }
        if (s.inFlight() != null) {
            md.append("| In-flight rows | ").append(s.inFlight().describe()).append(" |\n");
        }
        if (s.pausedMillis() > 0) {
            md.append("| Throttled | paused ").append(s.pausedMillis() / 1000.0).append(" s |\n");
        }
        md.append("| Parity | ").append(s.parityVersion()).append(" |\n\n");
        if (s.error() != null) {
            md.append("> Could not complete: ").append(s.error()).append("\n\n");
        }
        md.append("## Tables\n\n");
        md.append("| Table | Status | Source rows | Destination rows | Chunks | Missing | Extra | Changed | Resolved in flight | Schema findings |\n");
        md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (TableSummary t : s.tables()) {
            md.append("| ").append(t.table()).append(t.target() == null || t.target().equals(t.table()) ? "" : " → " + t.target())
                    .append(" | ").append(t.status()).append(" | ").append(t.sourceRows()).append(" | ")
                    .append(t.destinationRows()).append(" | ").append(t.chunks()).append(" | ").append(t.missing())
                    .append(" | ").append(t.extra()).append(" | ").append(t.changed()).append(" | ")
                    .append(t.resolved()).append(" | ").append(t.schemaFindings().size()).append(" |\n");
        }
        for (TableSummary t : s.tables()) {
            if (t.shards().isEmpty()) {
                continue;
            }
            md.append("\n### Shards of ").append(t.table()).append("\n\n| Shard | Rows | Missing | Extra | Changed |")
                    .append(" Also in another shard |\n|---|--:|--:|--:|--:|--:|\n");
            for (TableSummary.ShardCounts c : t.shards()) {
                md.append("| ").append(c.shard()).append(" | ").append(c.rows()).append(" | ").append(c.missing())
                        .append(" | ").append(c.extra()).append(" | ").append(c.changed()).append(" | ")
                        .append(c.duplicate()).append(" |\n");
            }
            long held = t.shards().stream().mapToLong(c -> c.missing() + c.extra() + c.changed()).sum();
            md.append("\nIn no shard: ").append(t.rowDifferences() - held - t.duplicate()).append(" row(s); held by two")
                    .append(" or more shards: ").append(t.duplicate()).append(".\n");
        }
        notCompared(md);
        findings(md);
        samples(md);
        return md.toString();
    }

    private String headline() {
        return switch (s.verdict()) {
            case "consistent" -> "CONSISTENT: every compared row is equal on both sides";
            case "differences" -> "DIFFERENCES FOUND: " + s.rowDifferences() + " differing rows, " + s.schemaFindings()
                    + " schema findings";
            default -> s.error() != null ? "INCOMPLETE: the check did not finish; results below are partial"
                    : "INCOMPLETE: " + s.notCompared().size() + " of " + s.tables().size() + " tables could not be compared";
        };
    }

    private String duration() {
        if (s.started() == null || s.ended() == null) {
            return "?";
        }
        Duration d = Duration.between(s.started(), s.ended());
        return String.format("%d.%03d s", d.toSeconds(), d.toMillisPart());
    }

    private void notCompared(StringBuilder md) {
        if (s.notCompared().isEmpty()) {
            return;
        }
        md.append("\n## Not compared\n\n");
        s.notCompared().forEach(t -> md.append("- ").append(t.table()).append(": ").append(t.reason()).append('\n'));
    }

    private void findings(StringBuilder md) {
        if (s.schemaFindings() == 0) {
            return;
        }
        md.append("\n## Schema findings\n\n");
        for (TableSummary t : s.tables()) {
            t.schemaFindings().forEach(f -> md.append("- ").append(t.table()).append(": ").append(f).append('\n'));
        }
    }

    private void samples(StringBuilder md) {
        if (diffs.isEmpty()) {
            return;
        }
        md.append("\n## Differing rows (first ").append(SAMPLE_ROWS).append(" per table; all in `diffs.jsonl`)\n\n");
        for (TableSummary t : s.tables()) {
            List<StoredDiff> rows = diffs.stream().filter(d -> d.tableId().equals(t.table())).limit(SAMPLE_ROWS).toList();
            if (rows.isEmpty()) {
                continue;
            }
            md.append("### ").append(t.table()).append("\n\n| Kind | Key | Differing columns |\n|---|---|---|\n");
            for (StoredDiff d : rows) {
                md.append("| ").append(d.kind().label()).append(" | `").append(mask.keyText(t.table(), t.key(), d.key()).replace("|", "\\|"))
                        .append("` | ").append(String.join(", ", d.columns())).append(" |\n");
            }
            md.append('\n');
        }
    }
}
