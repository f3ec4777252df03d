package io.parity.repair;

/**
 * How a repair runs.
 *
 * @param direction  which side is made equal to the other
 * @param apply      write to the target database (otherwise only files are written)
 * @param overrides  safety checks the user accepted
 * @param noBinlog   apply with {@code sql_log_bin = 0}, so the changes do not replicate onwards
 * @param batchSize  statements per transaction
 */
public record RepairOptions(RepairDirection direction, boolean apply, RepairSafety.Overrides overrides, boolean noBinlog,
                            int batchSize) {
}
