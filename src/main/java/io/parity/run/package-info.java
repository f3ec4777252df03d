/**
 * The verify use case ({@link io.parity.run.VerifyUseCase}: prepare, launch, report) and the verify runs the cutover's
 * {@code consistent} gate asks for ({@link io.parity.run.BatchVerifyRuns}). It joins the domain ({@code verify}), the
 * Spring Batch adapters ({@code batch}), the run store and the reports; the CLI, {@code serve} and the remote manager
 * call it instead of wiring those themselves.
 */
package io.parity.run;

