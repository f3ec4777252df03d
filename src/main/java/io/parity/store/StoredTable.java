package io.parity.store;

import java.util.List;

/** A table's recorded plan and chunk totals for one run. */
public record StoredTable(String tableId, String sourceRef, String targetRef, boolean comparable, List<String> key,
                          List<String> findings, long chunks, long sourceRows, long destinationRows,
                          long mismatchedChunks, long millis, String notCompared) {

}
