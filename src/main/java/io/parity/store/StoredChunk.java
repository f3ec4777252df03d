package io.parity.store;

/** A recorded chunk result, as the report draws it: where it lies (its id orders chunks by key) and whether it matched. */
public record StoredChunk(String tableId, String chunkId, boolean matched, int diffs) {
}
