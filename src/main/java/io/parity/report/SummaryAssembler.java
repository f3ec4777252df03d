package io.parity.report;

import io.parity.core.DiffKind;
import io.parity.store.StoredDiff;
import io.parity.store.StoredTable;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds per-table summaries and the verdict from what the run store recorded. */
public final class SummaryAssembler {

    private SummaryAssembler() {
    }

    public static List<TableSummary> tables(List<StoredTable> tables, List<StoredDiff> diffs) {
        return tables(tables, diffs, Map.of());
    }

    /** @param shardRows rows read per table and shard of a sharded side ({@code RunStore#shardRows}); empty otherwise */
    public static List<TableSummary> tables(List<StoredTable> tables, List<StoredDiff> diffs,
                                            Map<String, Map<String, Long>> shardRows) {
        Map<String, Map<DiffKind, Long>> counts = new HashMap<>();
        Map<String, Map<String, long[]>> perShard = new HashMap<>();
        shardRows.forEach((table, rows) -> rows.forEach((shard, n) -> perShard.computeIfAbsent(table,
                k -> new java.util.LinkedHashMap<>()).computeIfAbsent(shard, k -> new long[5])[0] = n));
        Map<String, Long> resolved = new HashMap<>();
        for (StoredDiff d : diffs) {
            if (d.confirmed()) {
                counts.computeIfAbsent(d.tableId(), k -> new EnumMap<>(DiffKind.class)).merge(d.kind(), 1L, Long::sum);
                if (d.shard() != null) {
                    for (String shard : d.shard().split(",")) {
                        perShard.computeIfAbsent(d.tableId(), k -> new java.util.LinkedHashMap<>())
                                .computeIfAbsent(shard, k -> new long[5])[1 + d.kind().ordinal()]++;
                    }
                }
            } else {
                resolved.merge(d.tableId(), 1L, Long::sum);
            }
        }
        return tables.stream().map(t -> {
            Map<DiffKind, Long> c = counts.getOrDefault(t.tableId(), Map.of());
            long missing = c.getOrDefault(DiffKind.MISSING, 0L);
            long extra = c.getOrDefault(DiffKind.EXTRA, 0L);
            long changed = c.getOrDefault(DiffKind.CHANGED, 0L);
            long duplicate = c.getOrDefault(DiffKind.DUPLICATE, 0L);
            long inFlight = resolved.getOrDefault(t.tableId(), 0L);
            List<TableSummary.ShardCounts> shards = perShard.getOrDefault(t.tableId(), Map.of()).entrySet().stream()
                    .map(e -> new TableSummary.ShardCounts(e.getKey(), e.getValue()[0], e.getValue()[1],
                            e.getValue()[2], e.getValue()[3], e.getValue()[4])).toList();
            return new TableSummary(t.tableId(), t.targetRef(), status(t, missing + extra + changed + duplicate,
                    inFlight), t.key(), t.sourceRows(), t.destinationRows(), t.chunks(), t.mismatchedChunks(), missing,
                    extra, changed, inFlight, t.findings(), t.millis(), t.notCompared(), duplicate, shards);
        }).toList();
    }

    /** A mismatched chunk whose differences all resolved on re-check is not a difference. */
    private static String status(StoredTable t, long rowDiffs, long resolved) {
        if (!t.comparable()) {
            return "not-compared";
        }
        if (rowDiffs > 0 || (t.mismatchedChunks() > 0 && resolved == 0)) {
            return "differences";
        }
        return t.findings().isEmpty() ? "consistent" : "schema-differs";
    }

    /**
     * Differences anywhere (rows, or definitions) make the verdict {@code differences}; otherwise a table Parity could
     * not compare makes it {@code incomplete}: never {@code consistent} while a selected table was not compared.
     */
    public static Verdict verdict(List<TableSummary> tables, boolean completed) {
        if (!completed) {
            return Verdict.INCOMPLETE;
        }
        boolean differs = tables.stream().anyMatch(t -> !t.status().equals("consistent") && t.reason() == null);
        if (differs) {
            return Verdict.DIFFERENCES;
        }
        return tables.stream().anyMatch(t -> t.reason() != null) ? Verdict.INCOMPLETE : Verdict.CONSISTENT;
    }
}
