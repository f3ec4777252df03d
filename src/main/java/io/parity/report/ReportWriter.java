package io.parity.report;

import io.parity.core.ParityException;
import io.parity.core.PrivateFiles;
import io.parity.store.StoredDiff;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a run's report files into its directory: {@code summary.json}, {@code diffs.jsonl} (one object per differing
 * row, streamed), {@code report.md}, the self-contained {@code report.html} and {@code junit.xml}, each readable by its
 * owner only ({@link PrivateFiles}).
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(tools.jackson.databind.cfg.DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final ObjectMapper LINE = JsonMapper.builder().build();

    /** The text of {@code summary.json}, also what {@code verify --output json} prints. */
    public static String summaryJson(RunSummary summary) {
        return JSON.writeValueAsString(summary) + "\n";
    }

    public Path write(Path dir, RunSummary summary, List<StoredDiff> diffs) {
        return write(dir, summary, diffs, ReportDetails.NONE);
    }

    public Path write(Path dir, RunSummary summary, List<StoredDiff> diffs, ReportDetails details) {
        return write(dir, summary, diffs, details, ReportMask.full());
    }

    /** Every file with its key values masked as {@code mask} says; the sample rows in {@code details} already are. */
    public Path write(Path dir, RunSummary summary, List<StoredDiff> diffs, ReportDetails details, ReportMask mask) {
        try {
            PrivateFiles.directory(dir);
            PrivateFiles.write(dir.resolve("summary.json"), summaryJson(summary));
            writeDiffs(dir.resolve("diffs.jsonl"), summary, diffs, mask);
            PrivateFiles.write(dir.resolve("report.md"), new MarkdownReport(summary, diffs, mask).render());
            PrivateFiles.write(dir.resolve("report.html"), new HtmlReport(summary, diffs, details, mask).render());
            PrivateFiles.write(dir.resolve("junit.xml"), new JunitReport(summary, diffs, mask).render());
            return dir;
        } catch (IOException | UncheckedIOException e) {
            throw new ParityException(io.parity.core.Failure.INCOMPLETE, "cannot write the report to " + dir + " ("
                    + e.getMessage() + "); choose a writable --report-dir", e);
        }
    }

    /** Keys and the names of the differing columns only: the values are in the databases and, for a repair, in its SQL. */
    private static void writeDiffs(Path file, RunSummary summary, List<StoredDiff> diffs, ReportMask mask)
            throws IOException {
        Map<String, TableSummary> tables = summary.tables().stream()
                .collect(Collectors.toMap(TableSummary::table, Function.identity()));
        PrivateFiles.write(file, out -> {
            for (StoredDiff d : diffs) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("table", d.tableId());
                line.put("kind", d.kind().label());
                line.put("key", mask.keyJson(d.tableId(), tables.get(d.tableId()).key(), d.key()));
                line.put("columns", d.columns());
                if (d.shard() != null) {
                    line.put("shard", d.shard());
                }
                out.write(LINE.writeValueAsString(line));
                out.write('\n');
            }
        });
    }
}
