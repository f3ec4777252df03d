package io.parity.remote;

import io.parity.batch.RemotePartitions;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.messaging.MessageChannel;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import java.util.UUID;

/**
 * The manager's broker wiring, loaded only when {@code parity.remote.role=manager}: the shared request queue, an
 * exclusive reply queue of its own that the broker deletes when the manager goes, and the {@link RemotePartitions}
 * the verify job uses instead of local threads.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RemoteRole.PROPERTY, havingValue = "manager")
class RemoteManagerConfiguration {

    @Bean(destroyMethod = "destroy")
    CachingConnectionFactory parityBrokerConnections(BrokerSettings broker) {
        return broker.connectionFactory("parity-manager");
    }

    @Bean
    RabbitAdmin parityBrokerAdmin(CachingConnectionFactory connections) {
        return new RabbitAdmin(connections);
    }

    @Bean
    Queue parityPartitionQueue(BrokerSettings broker) {
        return RemoteRole.partitionQueue(broker);
    }

    /**
     * Exclusive and auto-deleted: the broker removes it when this manager disconnects. Spring AMQP's AnonymousQueue
     * would do the same but adds an argument that RabbitMQ before 3.12 refuses for classic queues.
     */
    @Bean
    Queue parityReplyQueue() {
        return new Queue("parity.replies." + UUID.randomUUID(), false, true, true);
    }

    @Bean
    RabbitTemplate parityRequestTemplate(CachingConnectionFactory connections) {
        return new RabbitTemplate(connections);
    }

    @Bean
    ReplyAggregator parityReplyAggregator(JobRepository repository) {
        return new ReplyAggregator(repository);
    }

    @Bean
    SimpleMessageListenerContainer parityReplyContainer(CachingConnectionFactory connections, RabbitAdmin admin,
                                                        Queue parityReplyQueue, ReplyAggregator aggregator) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setAmqpAdmin(admin);
        container.setQueues(parityReplyQueue);
        container.setMessageListener(aggregator);
        container.setDefaultRequeueRejected(false);
        return container;
    }

    @Bean
    RemotePartitions parityRemotePartitions(BrokerSettings broker, JobRepository repository, RabbitTemplate rabbit,
                                            Queue parityReplyQueue, ReplyAggregator aggregator) {
        MessageChannel requests = (message, timeout) -> {
            Object correlationId = new IntegrationMessageHeaderAccessor(message).getCorrelationId();
            rabbit.send("", broker.queue(), PartitionMessages.request((StepExecutionRequest) message.getPayload(),
                    String.valueOf(correlationId), parityReplyQueue.getName()));
            return true;
        };
        return (workerStep, gridSize) -> {
            MessagingTemplate template = new MessagingTemplate();
            template.setDefaultChannel(requests);
            return new RemotePartitionHandler(repository, aggregator, template, workerStep, gridSize,
                    broker.replyTimeout());
        };
    }
}
