/**
 * The zero-setup demo: an embedded H2 source and destination built from {@code sql/demo/} (a small shop with planted
 * drift of every kind) and the job spec that compares them. Only the data is demo-specific; verify, report and repair
 * run the same code as for any other job.
 */
package io.parity.demo;
