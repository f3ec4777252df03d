package io.parity.core;

/**
 * What kind of failure stopped Parity. The CLI maps each kind to an exit code; nothing below the CLI decides exit codes.
 */
public enum Failure {
    /** The user's input is wrong: spec, options, schema that cannot be compared, credentials. Fixable by the user. */
    BAD_INPUT,
    /** The input was fine but the check could not complete: connection lost, server error, unexpected state. */
    INCOMPLETE
}
