package io.parity.report;

import io.parity.schema.TablePlan;

import java.util.ArrayList;
import java.util.List;

/** One table's sample values through the {@link ReportMask}: key columns by the key rule, the others by the value rule. */
final class SampleMasking {

    private final ReportMask mask;
    private final TablePlan plan;
    private final List<String> columns;

    SampleMasking(ReportMask mask, TablePlan plan) {
        this.mask = mask;
        this.plan = plan;
        this.columns = plan.source().columnNames();
    }

    /** The values in column order as shown, or null for a side without the row. */
    List<String> values(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> shown = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            shown.add(masked(columns.get(i)) ? maskOf(values.get(i)) : values.get(i));
        }
        return shown;
    }

    /** The columns that keep their own text (a masked value is no text to quote). */
    List<String> unmasked(List<String> names) {
        return names.stream().filter(c -> !masked(c)).toList();
    }

    private boolean masked(String column) {
        boolean key = plan.source().keyNames().stream().anyMatch(k -> k.equalsIgnoreCase(column));
        return key ? mask.masksKey(plan.id(), column) : mask.masksValue(plan.id(), column);
    }

    private String maskOf(String display) {
        return mask.hashed(display);
    }
}
