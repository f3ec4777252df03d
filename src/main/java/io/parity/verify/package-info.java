/**
 * The verify use case without Spring: a {@link io.parity.verify.VerifyContext} resolved from a spec, and the
 * {@link io.parity.verify.ChunkVerifier} that turns a chunk into a {@link io.parity.core.ChunkResult}. The
 * {@code batch} package schedules chunks; this package decides what a chunk's result is.
 */
package io.parity.verify;

