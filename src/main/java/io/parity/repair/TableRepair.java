package io.parity.repair;

import java.nio.file.Path;

/**
 * The outcome of one table's repair.
 *
 * @param remaining differences among the repaired keys after applying; -1 when nothing was applied
 */
public record TableRepair(String table, String target, long deletes, long updates, long inserts, Path repairFile,
                          Path undoFile, long applied, long skipped, long remaining) {
}
