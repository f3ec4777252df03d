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
    /** A required gate with {@code on-failure: pause} failed: stop, resumable at that gate. */
    public static final String PAUSE_HERE = "PAUSE_HERE";
    /** A required gate with {@code on-failure: rollback} failed: run the rollback steps, then end as failed. */
    public static final String ROLLBACK = "ROLLBACK";

    private final boolean required;
    private final boolean pauseConfirmed;
    private final io.parity.spec.GateStep.OnFailure onFailure;

    public GateDecider(boolean required) {
        this(required, false);
    }

    /** @param pauseConfirmed an operator confirmed this pause step ({@code cutover resume}): it no longer stops the flow */
    public GateDecider(boolean required, boolean pauseConfirmed) {
        this(required, pauseConfirmed, io.parity.spec.GateStep.OnFailure.STOP);
    }

    /** @param onFailure where a required gate's FAIL goes ({@code on-failure:}); ERROR (could not measure) stops */
    public GateDecider(boolean required, boolean pauseConfirmed, io.parity.spec.GateStep.OnFailure onFailure) {
        this.required = required;
        this.pauseConfirmed = pauseConfirmed;
        this.onFailure = onFailure;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        String code = stepExecution == null ? null : stepExecution.getExitStatus().getExitCode();
        if (pauseConfirmed && StepStatus.PAUSED.name().equals(code)) {
            return new FlowExecutionStatus(CONTINUE);
        }
        String route = route(code, required);
        if (route.equals(STOP) && StepStatus.FAIL.name().equals(code)) {
            route = switch (onFailure) {
                case PAUSE -> PAUSE_HERE;
                case ROLLBACK -> ROLLBACK;
                case STOP -> STOP;
            };
        }
        return new FlowExecutionStatus(route);
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
