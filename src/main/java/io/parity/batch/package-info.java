/**
 * Spring Batch wiring only: the verify job (plan step, partitioned chunk step), its step-scoped reader, processor and
 * writer, and the registry that hands them the run's resolved context. Domain decisions live in {@code verify},
 * {@code chunk}, {@code checksum} and {@code reconcile}.
 */
package io.parity.batch;
