package io.parity.store;

import io.parity.core.DiffKind;
import io.parity.core.KeyValues;

import java.util.List;

/**
 * A recorded row difference, with the outcome of its re-checks: FOUND (not re-checked), CONFIRMED (still differs)
 * or RESOLVED (equal on a re-check: it was in flight). Kind and columns are those of the latest check.
 */
public record StoredDiff(String tableId, String chunkId, int seq, DiffKind kind, KeyValues key, List<String> columns,
                         Status status, String shard) {

    /** A difference of unsharded sides. */
    public StoredDiff(String tableId, String chunkId, int seq, DiffKind kind, KeyValues key, List<String> columns,
                      Status status) {
        this(tableId, chunkId, seq, kind, key, columns, status, null);
    }

    public enum Status { FOUND, CONFIRMED, RESOLVED }

    /** Whether it counts as a difference: found or confirmed, not resolved. */
    public boolean confirmed() {
        return status != Status.RESOLVED;
    }
}
