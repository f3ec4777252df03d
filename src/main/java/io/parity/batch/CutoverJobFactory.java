package io.parity.batch;

import io.parity.gate.ResumePlan;
import io.parity.gate.StepOutcome;
import io.parity.spec.ActionStep;
import io.parity.spec.CutoverStep;
import io.parity.spec.GateStep;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.FlowJobBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the cutover job for a runbook: one tasklet step per runbook step, each followed by a {@link GateDecider}:
 *
 * <pre>
 * 01-lag -> decide --CONTINUE--> 02-writes-stopped -> decide ... -> done
 *              |--STOP--> fail (run FAILED)
 *              `--PAUSE--> stop, restart at the next step (run STOPPED, resumable)
 * </pre>
 *
 * A FAILED run restarts too: {@code parity cutover resume} builds the job with a {@link ResumePlan} that runs the
 * failed step and its guarding gates again within the same job instance, so the cutover keeps one record.
 *
 * Gate steps measure other databases and may take minutes, so they run without a job-repository transaction
 * (a resourceless transaction manager); that also lets the {@code consistent} gate launch a verify job of its own.
 */
@Component
public class CutoverJobFactory {

    static final String DONE = "done";

    /** Runs one runbook step of the run {@code runId}; the domain work behind each tasklet. */
    @FunctionalInterface
    public interface StepBody {
        StepOutcome run(CutoverStep step, long runId);
    }

    private final JobRepository repository;

    public CutoverJobFactory(JobRepository repository) {
        this.repository = repository;
    }

    public Job create(String jobName, List<CutoverStep> plan, StepBody body) {
        return create(jobName, plan, body, ResumePlan.NONE);
    }

    /**
     * The job for a restart of a stopped run: the steps in {@code resume.rerun()} run again although they completed
     * ({@code allowStartIfComplete}), and a confirmed pause routes on instead of stopping again. Spring Batch skips
     * every other completed step and hands the flow its recorded exit status.
     */
    public Job create(String jobName, List<CutoverStep> plan, StepBody body, ResumePlan resume) {
        return create(jobName, plan, body, resume, List.of());
    }

    /**
     * As above, with the spec's {@code rollback:} steps behind every gate that says {@code on-failure: rollback}: when
     * it fails, they run in order and the run then ends as failed (the runbook did not pass; the way back did run).
     * A gate with {@code on-failure: pause} stops the run resumable at itself instead.
     */
    public Job create(String jobName, List<CutoverStep> plan, StepBody body, ResumePlan resume,
                      List<CutoverStep> rollback) {
        List<Step> back = new ArrayList<>();
        for (CutoverStep s : rollback) {
            back.add(tasklet(s, body, false));
        }
        List<Step> steps = new ArrayList<>();
        for (CutoverStep s : plan) {
            steps.add(tasklet(s, body, resume.rerun().contains(s.id())));
        }
        steps.add(new StepBuilder(DONE, repository).tasklet((c, ctx) -> RepeatStatus.FINISHED,
                new ResourcelessTransactionManager()).build());
        FlowBuilder<FlowJobBuilder> flow = new JobBuilder(jobName, repository).flow(steps.get(0));
        for (int i = 0; i < plan.size(); i++) {
            CutoverStep s = plan.get(i);
            GateStep.OnFailure onFailure = s instanceof GateStep g ? g.onFailure() : GateStep.OnFailure.STOP;
            if (onFailure == GateStep.OnFailure.ROLLBACK && back.isEmpty()) {
                onFailure = GateStep.OnFailure.STOP; // no rollback steps to run (the spec validator refuses this)
            }
            GateDecider decider = new GateDecider(!(s instanceof GateStep g) || g.required(),
                    resume.confirmedPauses().contains(s.id()), onFailure);
            Step next = steps.get(i + 1);
            // on("*"), not next(): next() routes any exit code other than COMPLETED to failure, bypassing the decider
            flow.from(steps.get(i)).on("*").to(decider);
            flow.from(decider).on(GateDecider.CONTINUE).to(next);
            flow.from(decider).on(GateDecider.PAUSE).stopAndRestart(next);
            flow.from(decider).on(GateDecider.STOP).fail();
            if (onFailure == GateStep.OnFailure.PAUSE) {
                flow.from(decider).on(GateDecider.PAUSE_HERE).stopAndRestart(steps.get(i));
            }
            if (onFailure == GateStep.OnFailure.ROLLBACK) {
                flow.from(decider).on(GateDecider.ROLLBACK).to(back.get(0));
            }
        }
        for (int i = 0; i < back.size(); i++) {
            CutoverStep s = rollback.get(i);
            GateDecider decider = new GateDecider(!(s instanceof GateStep g) || g.required());
            flow.from(back.get(i)).on("*").to(decider);
            if (i + 1 < back.size()) {
                flow.from(decider).on(GateDecider.CONTINUE).to(back.get(i + 1));
                flow.from(decider).on(GateDecider.PAUSE).stopAndRestart(back.get(i + 1));
            } else {
                flow.from(decider).on(GateDecider.CONTINUE).fail(); // rolled back: the runbook itself did not pass
                flow.from(decider).on(GateDecider.PAUSE).fail();
            }
            flow.from(decider).on(GateDecider.STOP).fail();
        }
        return flow.build().build();
    }

    private Step tasklet(CutoverStep step, StepBody body, boolean again) {
        return new StepBuilder(step.id(), repository).tasklet((contribution, chunkContext) -> {
            StepExecution execution = chunkContext.getStepContext().getStepExecution();
            StepOutcome outcome = body.run(step, execution.getJobExecution().getJobInstance().getInstanceId());
            execution.getExecutionContext().putString("status", outcome.status().name());
            contribution.setExitStatus(new ExitStatus(outcome.status().name(), abbreviate(outcome.reason())));
            return RepeatStatus.FINISHED;
        }, new ResourcelessTransactionManager()).allowStartIfComplete(again).build();
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }

    /** Pause steps are the only ones an operator resumes past. */
    static boolean isPause(CutoverStep step) {
        return step instanceof ActionStep a && a.kind() == ActionStep.Kind.PAUSE;
    }
}
