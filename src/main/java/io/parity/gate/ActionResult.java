package io.parity.gate;

/**
 * What a command action did.
 *
 * @param exitCode the command's exit code, or -1 when it was killed at its timeout
 * @param output   standard output and error interleaved, cut to {@link ActionRunner#MAX_OUTPUT} characters
 * @param timedOut whether it was killed at its timeout
 * @param millis   how long it ran
 */
public record ActionResult(int exitCode, String output, boolean timedOut, long millis) {
}
