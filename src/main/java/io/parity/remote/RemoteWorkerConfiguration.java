package io.parity.remote;

import io.parity.batch.VerifyJobFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A worker's broker wiring, loaded only when {@code parity.remote.role=worker}: {@code threads} consumers of the
 * request queue, each with a prefetch of one and acknowledging after its reply, so that a busy worker holds no
 * request another could start and a dead worker's request goes back to the queue.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RemoteRole.PROPERTY, havingValue = "worker")
class RemoteWorkerConfiguration {

    @Bean(destroyMethod = "destroy")
    CachingConnectionFactory parityBrokerConnections(BrokerSettings broker) {
        return broker.connectionFactory("parity-worker");
    }

    @Bean
    RabbitAdmin parityBrokerAdmin(CachingConnectionFactory connections) {
        return new RabbitAdmin(connections);
    }

    @Bean
    Queue parityPartitionQueue(BrokerSettings broker) {
        return RemoteRole.partitionQueue(broker);
    }

    @Bean
    PartitionRequestListener parityPartitionListener(JobRepository repository, VerifyJobFactory jobs,
                                                     CachingConnectionFactory connections) {
        Step worker = jobs.workerStep();
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(repository);
        handler.setStepLocator(name -> worker.getName().equals(name) ? worker : null);
        return new PartitionRequestListener(repository, handler, new RabbitTemplate(connections));
    }

    @Bean
    SimpleMessageListenerContainer parityPartitionContainer(CachingConnectionFactory connections, RabbitAdmin admin,
                                                            Queue parityPartitionQueue, PartitionRequestListener listener,
                                                            @Value("${parity.remote.threads:1}") int threads) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setAmqpAdmin(admin);
        container.setQueues(parityPartitionQueue);
        container.setMessageListener(listener);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(threads);
        container.setDefaultRequeueRejected(false);
        return container;
    }
}
