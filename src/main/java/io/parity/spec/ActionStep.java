package io.parity.spec;

import java.time.Duration;

/**
 * An external step of the runbook: a shell {@code command} whose exit code and output are recorded (non-zero stops
 * the flow), or a {@code pause} where the run stops, resumable, until an operator confirms with
 * {@code parity cutover resume --run <id>}.
 *
 * @param id      step id, e.g. {@code 05-command}
 * @param kind    command or pause
 * @param run     the shell command (command only), run with {@code sh -c} in the spec file's directory
 * @param timeout how long the command may run (command only)
 * @param message what the operator is asked to do or confirm
 * @param field   where in the spec
 */
public record ActionStep(String id, Kind kind, String run, Duration timeout, String message, String field)
        implements CutoverStep {

    public enum Kind { COMMAND, PAUSE }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
}
