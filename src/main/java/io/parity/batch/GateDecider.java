package io.parity.batch;

import io.parity.gate.StepStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/**
 * Decides where the cutover flow goes after a step, from the status the step recorded as its exit code:
 * {@link #CONTINUE} to the next step, {@link #PAUSE} (stop, resumable at the next step) or {@link #STOP} (end the run
 * as failed). An advisory step ({@code required: false}) never stops the flow; nor does a pause an operator has
 * confirmed. Stateless: its fields are configuration.
 */
public final class GateDecider implements JobExecutionDecider {

    public static final String CONTINUE = "CONTINUE";
    public static final String PAUSE = "PAUSE";
    public static final String STOP = "STOP";

    private final boolean required;
    private final boolean pauseConfirmed;

    public GateDecider(boolean required) {
        this(required, false);
    }

    /** @param pauseConfirmed an operator confirmed this pause step ({@code cutover resume}): it no longer stops the flow */
    public GateDecider(boolean required, boolean pauseConfirmed) {
        this.required = required;
        this.pauseConfirmed = pauseConfirmed;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        String code = stepExecution == null ? null : stepExecution.getExitStatus().getExitCode();
        if (pauseConfirmed && StepStatus.PAUSED.name().equals(code)) {
            return new FlowExecutionStatus(CONTINUE);
        }
        return new FlowExecutionStatus(route(code, required));
    }

    /** The route for a step's exit code; anything unknown (a step that threw) stops the run. */
    static String route(String exitCode, boolean required) {
        if (StepStatus.PAUSED.name().equals(exitCode)) {
            return PAUSE;
        }
        if (StepStatus.PASS.name().equals(exitCode) || StepStatus.SKIPPED.name().equals(exitCode)) {
            return CONTINUE;
        }
        boolean failedStep = StepStatus.FAIL.name().equals(exitCode) || StepStatus.ERROR.name().equals(exitCode);
        return failedStep && !required ? CONTINUE : STOP;
    }
}
