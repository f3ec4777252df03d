package io.parity.report;

import java.util.List;

/**
 * One table's result in a run.
 *
 * @param resolved differences that were equal on a re-check (in flight under replication); not counted as differences
 * @param status consistent, differences, schema-differs (definitions differ, rows equal or not compared) or not-compared
 * @param reason why the table was not compared when Parity could not compare it, else null
 * @param duplicate rows held by two or more shards of a sharded side (each should be in exactly one)
 * @param shards    with a sharded side, per shard: rows read and the differences of the rows it holds; else empty
 */
public record TableSummary(String table, String target, String status, List<String> key, long sourceRows,
                           long destinationRows, long chunks, long mismatchedChunks, long missing, long extra,
                           long changed, long resolved, List<String> schemaFindings, long millis, String reason,
                           long duplicate, List<ShardCounts> shards) {

    public TableSummary {
        key = List.copyOf(key);
        schemaFindings = List.copyOf(schemaFindings);
        shards = shards == null ? List.of() : List.copyOf(shards);
    }

    /**
     * One shard's part of a table: the rows read from it and the differences of rows it holds (a duplicate counts in
     * each shard that holds the row).
     */
    public record ShardCounts(String shard, long rows, long missing, long extra, long changed, long duplicate) {
    }

    public TableSummary(String table, String target, String status, List<String> key, long sourceRows,
                        long destinationRows, long chunks, long mismatchedChunks, long missing, long extra,
                        long changed, long resolved, List<String> schemaFindings, long millis, String reason) {
        this(table, target, status, key, sourceRows, destinationRows, chunks, mismatchedChunks, missing, extra,
                changed, resolved, schemaFindings, millis, reason, 0, List.of());
    }

    public TableSummary(String table, String target, String status, List<String> key, long sourceRows,
                        long destinationRows, long chunks, long mismatchedChunks, long missing, long extra,
                        long changed, long resolved, List<String> schemaFindings, long millis) {
        this(table, target, status, key, sourceRows, destinationRows, chunks, mismatchedChunks, missing, extra,
                changed, resolved, schemaFindings, millis, null);
    }

    public long rowDifferences() {
        return missing + extra + changed + duplicate;
    }
}
