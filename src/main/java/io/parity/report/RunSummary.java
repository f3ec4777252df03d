package io.parity.report;

import java.time.Instant;
import java.util.List;

/**
 * What {@code summary.json} holds (schema version {@value #SCHEMA_VERSION}).
 *
 * @param verdict      consistent, differences or incomplete
 * @param pausedMillis time the throttle held the run back (this process)
 */
public record RunSummary(int schemaVersion, String parityVersion, String job, long runId, String verdict,
                         Instant started, Instant ended, String source, String destination, String specFile,
                         String specSha256, String hash, long pausedMillis, List<TableSummary> tables, String error) {

    public static final int SCHEMA_VERSION = 1;

    public RunSummary {
        tables = List.copyOf(tables);
    }

    public long rowDifferences() {
        return tables.stream().mapToLong(TableSummary::rowDifferences).sum();
    }

    /** The tables Parity could not compare, each with its reason. */
    public List<TableSummary> notCompared() {
        return tables.stream().filter(t -> t.reason() != null).toList();
    }

    public long schemaFindings() {
        return tables.stream().mapToLong(t -> t.schemaFindings().size()).sum();
    }
}
