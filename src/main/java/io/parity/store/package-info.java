/**
 * Run results in the job repository's database (tables {@code PARITY_*}): per-table plans, per-chunk results and row
 * differences, written transactionally with Spring Batch's checkpoints and read back for reports.
 */
package io.parity.store;
