/**
 * Parity's failure model: a {@link io.parity.error.ParityException} carries a {@link io.parity.error.Failure} kind that
 * the CLI turns into an exit code. "Data differs" is a verdict, not an error, and never travels this way.
 */
package io.parity.error;
