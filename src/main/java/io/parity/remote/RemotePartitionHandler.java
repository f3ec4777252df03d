package io.parity.remote;

import io.parity.core.ParityException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.integration.MessageTimeoutException;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.core.MessagingTemplate;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Spring Batch's {@link MessageChannelPartitionHandler} with replies aggregated from the broker (no repository
 * polling), and one addition: when the replies do not all arrive within the timeout, the partitions still unfinished
 * are marked FAILED in the repository with the reason, so the run ends FAILED, says which partitions did not finish,
 * and can be restarted (a step left STARTED would block the restart).
 */
final class RemotePartitionHandler extends MessageChannelPartitionHandler {

    private final JobRepository repository;
    private final ReplyAggregator aggregator;
    private final QueueChannel replies = new QueueChannel();
    private final String stepName;
    private final Duration timeout;

    RemotePartitionHandler(JobRepository repository, ReplyAggregator aggregator, MessagingTemplate requests,
                           String stepName, int gridSize, Duration timeout) {
        this.repository = repository;
        this.aggregator = aggregator;
        this.stepName = stepName;
        this.timeout = timeout;
        requests.setReceiveTimeout(timeout.toMillis());
        setMessagingOperations(requests);
        setReplyChannel(replies);
        setStepName(stepName);
        setGridSize(gridSize);
        try {
            afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        // MessageChannelPartitionHandler correlates requests as "<job execution id>:<worker step name>".
        String correlationId = manager.getJobExecutionId() + ":" + stepName;
        aggregator.expect(correlationId, partitions, replies);
        try {
            Set<StepExecution> finished = super.doHandle(manager, partitions);
            failIfAnyFailed(finished);
            return finished;
        } catch (MessageTimeoutException e) {
            List<String> unfinished = markUnfinished(partitions);
            throw ParityException.incomplete("no reply from the workers within " + timeout.toSeconds() + " s for "
                    + unfinished.size() + " partition(s) " + unfinished + "; a worker may have died or none is running."
                    + " Marked FAILED: restart the run with 'parity verify --restart "
                    + manager.getJobExecution().getJobInstance().getInstanceId() + "'", e);
        } finally {
            aggregator.forget(correlationId);
        }
    }

    /**
     * The workers' exceptions stay on the workers; the repository keeps their exit descriptions (stack traces), from
     * which the reason is taken: Parity's own message where there is one. Partitions are grouped by reason.
     */
    private static void failIfAnyFailed(Set<StepExecution> finished) {
        Map<String, List<String>> byReason = new TreeMap<>();
        finished.stream().filter(s -> s.getStatus().isUnsuccessful())
                .forEach(s -> byReason.computeIfAbsent(reason(s.getExitStatus().getExitDescription()),
                        r -> new ArrayList<>()).add(s.getStepName()));
        if (byReason.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, names) -> {
            names.sort(null);
            parts.add(names.size() + " partition(s) " + names + ": " + reason);
        });
        throw ParityException.incomplete("partitions did not complete on the workers: " + String.join("; ", parts), null);
    }

    static String reason(String description) {
        List<String> lines = description == null ? List.of() : description.lines().toList();
        String parity = ParityException.class.getName() + ": ";
        for (int i = lines.size() - 1; i >= 0; i--) {
            int at = lines.get(i).indexOf(parity);
            if (at >= 0) {
                return lines.get(i).substring(at + parity.length());
            }
        }
        String first = lines.isEmpty() ? "no description" : lines.get(0);
        // the repository keeps 2500 characters: a bean creation error may hide the cause, but names its message
        int wrapped = first.lastIndexOf("with message: ");
        return wrapped >= 0 ? first.substring(wrapped + "with message: ".length())
                : first.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }

    private List<String> markUnfinished(Set<StepExecution> partitions) {
        List<String> names = new ArrayList<>();
        for (StepExecution sent : partitions) {
            StepExecution now = repository.getStepExecution(sent.getId());
            if (now != null && now.getStatus().isRunning()) {
                now.setStatus(BatchStatus.FAILED);
                now.setExitStatus(ExitStatus.FAILED.addExitDescription("no reply from a worker within "
                        + timeout.toSeconds() + " s"));
                now.setEndTime(LocalDateTime.now());
                repository.update(now);
                names.add(now.getStepName());
            }
        }
        names.sort(null);
        return names;
    }
}
