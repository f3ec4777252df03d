package io.parity.remote;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * A worker's side: executes one partition request with Spring Batch's {@link StepExecutionRequestHandler} and replies
 * to the manager. The request is acknowledged only after the reply is sent, and each worker thread holds at most one
 * unacknowledged request, so a worker that dies returns its request to the queue and an idle worker gets it.
 *
 * <p>The repository decides what a request may do, so that no partition runs twice at once: only a partition still
 * STARTING is executed. A partition found STARTED was being run by a worker whose connection to the broker died (the
 * broker redelivered its request); it is not run again here, where it could overlap a worker that is only cut off,
 * but marked FAILED for a restart of the run. A partition already finished is only answered.
 */
public final class PartitionRequestListener implements MessageListener {

    static final String LOST = "the worker running this partition was lost (its request was redelivered);"
            + " restart the run to finish it";

    private final JobRepository repository;
    private final StepExecutionRequestHandler handler;
    private final RabbitTemplate replies;
    private volatile Consumer<String> events = e -> { };

    PartitionRequestListener(JobRepository repository, StepExecutionRequestHandler handler, RabbitTemplate replies) {
        this.repository = repository;
        this.handler = handler;
        this.replies = replies;
    }

    /** Where the worker reports partitions started and finished; the worker command prints them. */
    public void onEvent(Consumer<String> events) {
        this.events = events;
    }

    @Override
    public void onMessage(Message message) {
        StepExecutionRequest request = PartitionMessages.request(message);
        StepExecution execution = repository.getStepExecution(request.getStepExecutionId());
        if (execution == null) {
            events.accept("request for unknown step execution " + request.getStepExecutionId() + " dropped");
            return;
        }
        String name = describe(execution);
        if (execution.getStatus() == BatchStatus.STARTING) {
            events.accept("partition " + name + " started");
            long start = System.nanoTime();
            execution = handler.handle(request);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                record(execution);
            }
            events.accept("partition " + name + " " + execution.getStatus() + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } else if (execution.getStatus().isRunning()) {
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription(LOST));
            execution.setEndTime(LocalDateTime.now());
            repository.update(execution);
            events.accept("partition " + name + " marked FAILED: " + LOST);
        } else {
            events.accept("partition " + name + " already " + execution.getStatus() + "; answered only");
        }
        String replyTo = message.getMessageProperties().getReplyTo();
        if (replyTo != null) {
            replies.send("", replyTo, PartitionMessages.reply(message, execution.getId(), execution.getStatus().name()));
        }
    }

    /**
     * StepExecutionRequestHandler leaves failures it catches outside the step (no such step, a lost repository) to
     * its caller to record; without this the manager would read a partition still STARTING.
     */
    private void record(StepExecution execution) {
        if (execution.getEndTime() == null) {
            execution.setEndTime(LocalDateTime.now());
        }
        try {
            repository.update(execution);
        } catch (RuntimeException e) {
            events.accept("could not record the status of step execution " + execution.getId() + ": " + e);
        }
    }

    private static String describe(StepExecution execution) {
        return execution.getStepName() + " (run " + execution.getJobExecution().getJobInstance().getInstanceId()
                + ", step execution " + execution.getId() + ")";
    }
}
