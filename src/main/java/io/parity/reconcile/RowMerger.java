package io.parity.reconcile;

import io.parity.core.DiffKind;
import io.parity.core.RowDiff;
import io.parity.core.RowImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ordered merge of the two sides' rows of one key range into row differences. Both lists must be in the server's key
 * order (see {@link KeyOrder}). Equal rows produce nothing. A key that appears twice on one side (possible where that
 * side lacks the unique key) pairs once and reports the second occurrence as missing or extra.
 */
public final class RowMerger {

    private final Comparator<RowImage> order;
    private final List<String> columnNames;
    private final String tableId;

    public RowMerger(String tableId, Comparator<RowImage> order, List<String> columnNames) {
        this.tableId = tableId;
        this.order = order;
        this.columnNames = List.copyOf(columnNames);
    }

    public List<RowDiff> merge(List<RowImage> source, List<RowImage> destination) {
        List<RowDiff> diffs = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < source.size() || j < destination.size()) {
            int c = i == source.size() ? 1 : j == destination.size() ? -1 : order.compare(source.get(i), destination.get(j));
            if (c < 0) {
                diffs.add(new RowDiff(tableId, source.get(i++).key(), DiffKind.MISSING, List.of()));
            } else if (c > 0) {
                diffs.add(new RowDiff(tableId, destination.get(j++).key(), DiffKind.EXTRA, List.of()));
            } else {
                RowDiff changed = changed(source.get(i), destination.get(j));
                if (changed != null) {
                    diffs.add(changed);
                }
                i++;
                j++;
            }
        }
        return diffs;
    }

    /** The difference between two rows with the same key, or null when every compared column is equal. */
    public RowDiff changed(RowImage s, RowImage d) {
        List<String> changed = changedColumns(s, d);
        return changed.isEmpty() ? null : new RowDiff(tableId, s.key(), DiffKind.CHANGED, changed);
    }

    private List<String> changedColumns(RowImage s, RowImage d) {
        List<String> changed = new ArrayList<>();
        for (int k = 0; k < columnNames.size(); k++) {
            if (!Arrays.equals(s.values()[k], d.values()[k])) {
                changed.add(columnNames.get(k));
            }
        }
        return changed;
    }
}
