package io.parity.cli;

import io.parity.core.Failure;
import io.parity.gate.CutoverReport;
import io.parity.gate.StepStatus;
import io.parity.report.Verdict;

/**
 * Exit codes, decided here and only here. Scripts and release pipelines rely on these numbers.
 *
 * <ul>
 *   <li>0: consistent</li>
 *   <li>1: differences found (rows or schema)</li>
 *   <li>2: bad input (usage, spec, credentials, unreachable server at start, schema that cannot be compared)</li>
 *   <li>3: could not complete (connection lost, server error mid-run, a chunk that could not be checked, or a table
 *   that could not be compared while nothing else differs); for cutover
 *   gates: a gate could not measure</li>
 *   <li>4: cutover paused: the run waits for an operator ({@code parity cutover resume --run N})</li>
 * </ul>
 * For cutover gates, 0 means every required gate passed and 1 that a required gate (or command) failed.
 */
public final class ExitCode {

    public static final int CONSISTENT = 0;
    public static final int DIFFERENCES = 1;
    public static final int BAD_INPUT = 2;
    public static final int INCOMPLETE = 3;
    public static final int PAUSED = 4;

    private ExitCode() {
    }

    public static int of(Verdict verdict) {
        return switch (verdict) {
            case CONSISTENT -> CONSISTENT;
            case DIFFERENCES -> DIFFERENCES;
            case INCOMPLETE -> INCOMPLETE;
        };
    }

    /** A cutover or gate run: could-not-measure outranks a failure, a failure outranks a pause. */
    public static int of(CutoverReport report) {
        if (report.couldNotMeasure()) {
            return INCOMPLETE;
        }
        if (report.failed()) {
            return DIFFERENCES;
        }
        return report.any(StepStatus.PAUSED) ? PAUSED : CONSISTENT;
    }

    public static int of(Failure failure) {
        return failure == Failure.BAD_INPUT ? BAD_INPUT : INCOMPLETE;
    }
}
