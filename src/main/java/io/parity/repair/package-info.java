/**
 * Repair: from a verify run's differences to exact, guarded repair SQL and its undo, in either direction; applied
 * only when asked, after safety checks, in per-transaction batches, and re-verified afterwards.
 */
package io.parity.repair;

