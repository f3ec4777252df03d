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
 */
public record TablePlan(String id, SideTable source, SideTable destination, List<SchemaFinding> findings,
                        boolean comparable, long estimatedRows, String notCompared) {

    public TablePlan {
        findings = List.copyOf(findings);
        if (notCompared != null && comparable) {
            throw new IllegalArgumentException("a table with a reason not to compare it is not comparable");
        }
    }

    public TablePlan(String id, SideTable source, SideTable destination, List<SchemaFinding> findings,
                     boolean comparable, long estimatedRows) {
        this(id, source, destination, findings, comparable, estimatedRows, null);
    }

    /** A table Parity cannot compare, and says why; the other tables of the run are compared. */
    public static TablePlan notCompared(String id, SideTable source, SideTable destination,
                                        List<SchemaFinding> findings, long estimatedRows, String reason) {
        return new TablePlan(id, source, destination, findings, false, estimatedRows, reason);
    }
}
