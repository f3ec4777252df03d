/**
 * Reconciliation: from a chunk whose checksums disagree down to the rows that differ (missing, extra, changed with
 * column names), by bisection on the key and an ordered, collation-aware merge of both sides' rows.
 */
package io.parity.reconcile;
