package io.parity.schema;

import java.util.List;

/**
 * The comparison of one table, decided before any row is read.
 *
 * @param id            stable id used in chunk ids and reports: the source's {@code schema.table}
 * @param source        what is read on the source
 * @param destination   what is read on the destination; null when the table is missing there
 * @param findings      schema differences, possibly empty
 * @param comparable    whether rows are compared (false when the table is missing or the keys disagree)
 * @param estimatedRows the source's row estimate, for partitioning
 * @param notCompared   why rows are not compared when Parity cannot compare them (a permission, a column type, no
 *                      way to identify rows); null when they are compared or when a schema difference (a missing
 *                      table, keys that disagree) is itself the finding
 * @param keyBytesOrder the key orders differently on the two sides (a text key whose collation or character set
 *                      changed): rows are merged in the order of the keys' utf8mb4 bytes, the whole table at once
 * @param masked        the source's names of the columns whose values reports show only as keyed hashes
 *                      ({@code columns.mask})
 */
public record TablePlan(String id, SideTable source, SideTable destination, List<SchemaFinding> findings,
                        boolean comparable, long estimatedRows, String notCompared, boolean keyBytesOrder,
                        List<String> masked) {

    public TablePlan {
        findings = List.copyOf(findings);
        masked = List.copyOf(masked);
        if (notCompared != null && comparable) {
            throw new IllegalArgumentException("a table with a reason not to compare it is not comparable");
        }
    }

    public TablePlan(String id, SideTable source, SideTable destination, List<SchemaFinding> findings,
                     boolean comparable, long estimatedRows, String notCompared, boolean keyBytesOrder) {
        this(id, source, destination, findings, comparable, estimatedRows, notCompared, keyBytesOrder, List.of());
    }

    /** This plan with the columns reports mask. */
    public TablePlan withMasked(List<String> columns) {
        return new TablePlan(id, source, destination, findings, comparable, estimatedRows, notCompared, keyBytesOrder,
                columns);
    }

    public TablePlan(String id, SideTable source, SideTable destination, List<SchemaFinding> findings,
                     boolean comparable, long estimatedRows) {
        this(id, source, destination, findings, comparable, estimatedRows, null, false);
    }

    /**
     * Whether the table is compared in one unit rather than in key-range chunks: without a key (a multiset of rows),
     * or with keys that order differently on the two sides.
     */
    public boolean wholeTable() {
        return source.key().isEmpty() || keyBytesOrder;
    }

    /** This table, not compared, with the reason. */
    public TablePlan notComparable(String reason) {
        return new TablePlan(id, source, destination, findings, false, estimatedRows, reason, keyBytesOrder, masked);
    }

    /**
     * This table compared in one merge of whole-table streams in the order of the keys' bytes: the order every server
     * agrees on, which several databases on one side (shards) need.
     */
    public TablePlan mergedInKeyBytesOrder() {
        return new TablePlan(id, source, destination, findings, comparable, estimatedRows, notCompared, true, masked);
    }

    /** A table Parity cannot compare, and says why; the other tables of the run are compared. */
    public static TablePlan notCompared(String id, SideTable source, SideTable destination,
                                        List<SchemaFinding> findings, long estimatedRows, String reason) {
        return new TablePlan(id, source, destination, findings, false, estimatedRows, reason, false);
    }
}
