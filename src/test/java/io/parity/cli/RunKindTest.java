package io.parity.cli;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How 'parity runs' tells a run's kind and a flow's outcome from what the job repository recorded. */
class RunKindTest {

    private static JobExecution run(String job, String kind, BatchStatus status, String... stepCodes) {
        JobParametersBuilder params = new JobParametersBuilder().addString("spec.sha256", "abc", true);
        if (kind != null) {
            params.addString(CutoverLaunch.KIND, kind, false);
        }
        JobExecution e = new JobExecution(7, new JobInstance(3, job), params.toJobParameters());
        e.setStatus(status);
        for (int i = 0; i < stepCodes.length; i++) {
            StepExecution s = new StepExecution(10 + i, String.format("%02d-step", i + 1), e);
            s.setExitStatus(new ExitStatus(stepCodes[i]));
            e.addStepExecutions(List.of(s));
        }
        return e;
    }

    @Test
    void theRecordedKindDecidesNotTheNameAlone() {
        assertEquals(new RunKind("cutover", "shop"), RunKind.of("shop-cutover", run("shop-cutover", "cutover",
                BatchStatus.COMPLETED)));
        assertEquals(new RunKind("gate", "shop"), RunKind.of("shop-gate-lag", run("shop-gate-lag", "gate:lag",
                BatchStatus.COMPLETED)));
        assertEquals(new RunKind("verify", "legacy-cutover"), RunKind.of("legacy-cutover", run("legacy-cutover", null,
                BatchStatus.COMPLETED)), "a verify spec that happens to end in -cutover");
    }

    @Test
    void aFlowsOutcomeComesFromItsStatusAndTheStepThatStoppedIt() {
        record Case(JobExecution run, String outcome) {
        }
        for (Case c : List.of(
                new Case(run("s-cutover", "cutover", BatchStatus.COMPLETED, "PASS", "FAIL", "PASS"), "PASS"),
                new Case(run("s-cutover", "cutover", BatchStatus.STOPPED, "PASS", "PAUSED"), "PAUSED"),
                new Case(run("s-cutover", "cutover", BatchStatus.FAILED, "PASS", "FAIL"), "FAIL"),
                new Case(run("s-cutover", "cutover", BatchStatus.FAILED, "PASS", "ERROR"), "ERROR"),
                new Case(run("s-cutover", "cutover", BatchStatus.FAILED, "FAILED"), "ERROR"),
                new Case(run("s-cutover", "cutover", BatchStatus.STARTED, "PASS"), "-"))) {
            assertEquals(c.outcome(), RunKind.outcome(c.run()), c.run().getStepExecutions().toString());
        }
    }
}
