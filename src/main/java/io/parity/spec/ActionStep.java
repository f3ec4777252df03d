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
 * @param settings a native action's settings ({@code side}, {@code value}, {@code user} …), no secret among them
 * @param password the replication account's password of {@code start-reverse-replication}; {@link Secret#none} else
 */
public record ActionStep(String id, Kind kind, String run, Duration timeout, String message, String field,
                         GateSettings settings, Secret password) implements CutoverStep {

    /**
     * {@code command} and {@code pause}, and the native actions that run SQL Parity writes itself: each shown in a
     * dry run, recorded with the state before and after and the statements that undo it.
     */
    public enum Kind {
        COMMAND, PAUSE, READ_ONLY, STOP_REPLICATION, START_REPLICATION, START_REVERSE_REPLICATION, REVOKE_GRANTS,
        REPAIR;

        /** The spelling in the spec: {@code read-only}, {@code stop-replication} … */
        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Whether Parity runs SQL for it (a native action), rather than a shell command or a pause. */
        public boolean nativeAction() {
            return this != COMMAND && this != PAUSE;
        }
    }

    public ActionStep {
        settings = settings == null ? GateSettings.of("action", java.util.Map.of()) : settings;
        password = password == null ? Secret.none() : password;
    }

    /** A command or a pause. */
    public ActionStep(String id, Kind kind, String run, Duration timeout, String message, String field) {
        this(id, kind, run, timeout, message, field, null, null);
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
}
