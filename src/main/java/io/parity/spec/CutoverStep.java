package io.parity.spec;

/**
 * One entry of {@code cutover.steps}: a gate or an action, with a stable id ({@code 03-sessions}) that names its
 * Spring Batch step, its evidence file and its JUnit test case.
 */
public sealed interface CutoverStep permits GateStep, ActionStep {

    /** Position and name, e.g. {@code 01-lag}, {@code 05-command}. */
    String id();

    /** Where in the spec it was written, e.g. {@code cutover.steps[4]}, for messages. */
    String field();
}
