package io.parity.cli;

import io.parity.gate.StepStatus;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.util.Comparator;

/**
 * What a recorded run is: a verify run, a cutover runbook or a single gate. Every cutover and gate run records the
 * {@code cutover.kind} job parameter ({@code cutover} or {@code gate:<name>}) beside its job name
 * ({@code <spec>-cutover}, {@code <spec>-gate-<name>}); a run without it is a verify run, even one whose spec happens
 * to be named {@code something-cutover}. A cutover or gate run has no data verdict: its outcome is its flow's, PASS,
 * FAIL, ERROR (a gate could not measure) or PAUSED.
 *
 * @param kind     {@code verify}, {@code cutover}, {@code rollback} (the way back, {@code <spec>-rollback}) or
 *                 {@code gate}
 * @param specName the spec's name, which names the run's report directory
 */
record RunKind(String kind, String specName) {

    static RunKind of(String jobName, JobExecution execution) {
        String recorded = execution.getJobParameters().getString(CutoverLaunch.KIND);
        if (recorded == null) {
            return new RunKind("verify", jobName);
        }
        if (recorded.equals("cutover") && jobName.endsWith("-cutover")) {
            return new RunKind("cutover", jobName.substring(0, jobName.length() - "-cutover".length()));
        }
        if (recorded.equals("rollback") && jobName.endsWith("-rollback")) {
            return new RunKind("rollback", jobName.substring(0, jobName.length() - "-rollback".length()));
        }
        int gate = jobName.lastIndexOf("-gate-");
        return gate > 0 ? new RunKind("gate", jobName.substring(0, gate)) : new RunKind(recorded, jobName);
    }

    boolean verify() {
        return kind.equals("verify");
    }

    /** The file a person opens first: the verify report page, or the runbook's summary. */
    String reportFile() {
        return verify() ? "report.html" : "summary.md";
    }

    /**
     * The flow's outcome, from the job's status and its steps' exit codes (a step records PASS, FAIL, ERROR, SKIPPED
     * or PAUSED as its exit code): "-" while it runs; PASS when it completed; PAUSED when stopped at a pause; else the
     * code of the last step that failed. {@code execution} must carry its step executions.
     */
    static String outcome(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status.isRunning()) {
            return "-";
        }
        if (status == BatchStatus.COMPLETED) {
            return StepStatus.PASS.name();
        }
        if (status == BatchStatus.STOPPED) {
            return StepStatus.PAUSED.name();
        }
        return execution.getStepExecutions().stream()
                .max(Comparator.comparing(StepExecution::getId))
                .map(s -> s.getExitStatus().getExitCode())
                .map(code -> code.equals(StepStatus.FAIL.name()) ? code : StepStatus.ERROR.name())
                .orElse(StepStatus.ERROR.name());
    }
}
