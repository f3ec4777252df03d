/**
 * The audit bundle: {@code audit.json} beside every run's report files, recording who ran what against which
 * servers, where their replication stood before and after, and the sha256 of every file the run wrote;
 * {@link io.parity.audit.AuditCheck} re-checks a bundle.
 */
package io.parity.audit;
