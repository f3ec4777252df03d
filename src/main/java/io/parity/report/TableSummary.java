package io.parity.report;

import java.util.List;

/**
 * One table's result in a run.
 *
 * @param resolved differences that were equal on a re-check (in flight under replication); not counted as differences
 * @param status consistent, differences, schema-differs (definitions differ, rows equal or not compared) or not-compared
 * @param reason why the table was not compared when Parity could not compare it, else null
 */
public record TableSummary(String table, String target, String status, List<String> key, long sourceRows,
                           long destinationRows, long chunks, long mismatchedChunks, long missing, long extra,
                           long changed, long resolved, List<String> schemaFindings, long millis, String reason) {

    public TableSummary {
        key = List.copyOf(key);
        schemaFindings = List.copyOf(schemaFindings);
    }

    public TableSummary(String table, String target, String status, List<String> key, long sourceRows,
                        long destinationRows, long chunks, long mismatchedChunks, long missing, long extra,
                        long changed, long resolved, List<String> schemaFindings, long millis) {
        this(table, target, status, key, sourceRows, destinationRows, chunks, mismatchedChunks, missing, extra,
                changed, resolved, schemaFindings, millis, null);
    }

    public long rowDifferences() {
        return missing + extra + changed;
    }
}
