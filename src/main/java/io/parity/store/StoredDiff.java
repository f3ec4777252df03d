package io.parity.store;

import io.parity.chunk.KeyValues;
import io.parity.reconcile.DiffKind;

import java.util.List;

/** A recorded row difference. */
public record StoredDiff(String tableId, DiffKind kind, KeyValues key, List<String> columns) {
}
