/**
 * Cutover gates: the checks of a migration runbook, each a stateless {@link io.parity.gate.Gate} that observes the
 * servers and decides PASS / FAIL / WAIT from the observations and the thresholds in the spec's {@code cutover:} block.
 * {@link io.parity.gate.GateRunner} polls gates that can become true, tells a listener while they wait
 * ({@link io.parity.gate.GateWait}) and keeps the series as evidence, with what the wait saw
 * ({@link io.parity.gate.WaitSummary}); {@link io.parity.gate.ResumePlan} says which steps a resume runs again;
 * {@link io.parity.gate.CutoverSpecLoader} reads and validates the block; the Spring Batch flow lives in
 * {@code io.parity.batch}, the commands in {@code io.parity.cli}.
 */
package io.parity.gate;
