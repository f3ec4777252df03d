package io.parity.shard;

import io.parity.core.DiffKind;
import io.parity.core.RowDiff;
import io.parity.core.RowImage;
import io.parity.core.Side;
import io.parity.reconcile.RowMerger;

import java.util.ArrayList;
import java.util.List;

/**
 * What one key's rows say when one side is sharded: the rows each shard holds under the key and the rows the single
 * side holds. A key held by two shards is a DUPLICATE (every row belongs to exactly one); one held by a shard and not
 * by the single side is MISSING (sharded source) or EXTRA (sharded destination), and the reverse the other way round;
 * one held by both is compared column by column. Every difference names its shard.
 */
final class ShardRows {

    private final String tableId;
    private final Side sharded;
    private final RowMerger merger;
    private final List<String> names;

    ShardRows(String tableId, Side sharded, RowMerger merger, List<String> names) {
        this.tableId = tableId;
        this.sharded = sharded;
        this.merger = merger;
        this.names = List.copyOf(names);
    }

    /** @param perShard the key's row in each shard, null where the shard has none; @param single the other side's */
    List<RowDiff> diffs(RowImage[] perShard, RowImage single) {
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < perShard.length; i++) {
            if (perShard[i] != null) {
                owners.add(i);
            }
        }
        if (owners.size() > 1) {
            String shards = String.join(",", owners.stream().map(names::get).toList());
            return List.of(new RowDiff(tableId, perShard[owners.get(0)].key(), DiffKind.DUPLICATE, List.of(), shards));
        }
        if (owners.isEmpty()) {
            return single == null ? List.of() : List.of(new RowDiff(tableId, single.key(),
                    sharded == Side.SOURCE ? DiffKind.EXTRA : DiffKind.MISSING, List.of(), null));
        }
        RowImage owned = perShard[owners.get(0)];
        String shard = names.get(owners.get(0));
        if (single == null) {
            return List.of(new RowDiff(tableId, owned.key(), sharded == Side.SOURCE ? DiffKind.MISSING : DiffKind.EXTRA,
                    List.of(), shard));
        }
        RowDiff changed = sharded == Side.SOURCE ? merger.changed(owned, single) : merger.changed(single, owned);
        return changed == null ? List.of() : List.of(new RowDiff(tableId, changed.key(), DiffKind.CHANGED,
                changed.columns(), shard));
    }
}
