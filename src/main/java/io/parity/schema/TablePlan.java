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
 */
public record TablePlan(String id, SideTable source, SideTable destination, List<SchemaFinding> findings,
                        boolean comparable, long estimatedRows) {

    public TablePlan {
        findings = List.copyOf(findings);
    }
}
