package io.parity.remote;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manager's side of the replies: collects the workers' replies of one partitioned step by correlation id and,
 * when every partition has answered, hands the partitions' step executions, as recorded in the job repository, to the
 * channel {@code MessageChannelPartitionHandler} waits on. Replies nobody waits for (a run that timed out, a
 * duplicate) are dropped.
 */
final class ReplyAggregator implements MessageListener {

    private final JobRepository repository;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    ReplyAggregator(JobRepository repository) {
        this.repository = repository;
    }

    void expect(String correlationId, Collection<StepExecution> partitions, MessageChannel replies) {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        partitions.forEach(p -> ids.add(p.getId()));
        pending.put(correlationId, new Pending(ids, replies));
    }

    void forget(String correlationId) {
        pending.remove(correlationId);
    }

    @Override
    public void onMessage(Message message) {
        String correlationId = message.getMessageProperties().getCorrelationId();
        Pending p = correlationId == null ? null : pending.get(correlationId);
        if (p == null || !p.outstanding.remove(PartitionMessages.stepExecutionId(message))) {
            return;
        }
        if (p.outstanding.isEmpty() && pending.remove(correlationId, p)) {
            List<StepExecution> finished = new ArrayList<>();
            for (Long id : p.all) {
                finished.add(repository.getStepExecution(id));
            }
            p.replies.send(MessageBuilder.withPayload(finished).build());
        }
    }

    private static final class Pending {
        final Set<Long> all;
        final Set<Long> outstanding;
        final MessageChannel replies;

        Pending(Set<Long> ids, MessageChannel replies) {
            this.all = Set.copyOf(ids);
            this.outstanding = ids;
            this.replies = replies;
        }
    }
}
