package io.parity.batch;

import io.parity.gate.StepStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/**
 * Decides where the cutover flow goes after a step, from the status the step recorded as its exit code:
 * {@link #CONTINUE} to the next step, {@link #PAUSE} (stop, resumable at the next step) or {@link #STOP} (end the run
 * as failed). An advisory step ({@code required: false}) never stops the flow. Stateless: its only field is
 * configuration.
 */
public final class GateDecider implements JobExecutionDecider {

    public static final String CONTINUE = "CONTINUE";
    public static final String PAUSE = "PAUSE";
    public static final String STOP = "STOP";

    private final boolean required;

    public GateDecider(boolean required) {
        this.required = required;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        return new FlowExecutionStatus(route(stepExecution == null ? null : stepExecution.getExitStatus().getExitCode(),
                required));
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
