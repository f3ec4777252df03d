package io.parity.remote;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import java.nio.charset.StandardCharsets;

/**
 * The two messages on the wire. Both carry only ids, as headers: the state of a partition lives in the shared job
 * repository, never in a message, so no Java serialisation crosses the broker and any worker version that shares the
 * repository schema can read them.
 *
 * <pre>
 * request  headers parity-step-name, parity-step-execution-id; correlation id; reply-to = the manager's reply queue
 * reply    headers parity-step-execution-id, parity-status;     the request's correlation id
 * </pre>
 */
final class PartitionMessages {

    static final String STEP_NAME = "parity-step-name";
    static final String STEP_EXECUTION_ID = "parity-step-execution-id";
    static final String STATUS = "parity-status";

    private PartitionMessages() {
    }

    static Message request(StepExecutionRequest request, String correlationId, String replyTo) {
        return MessageBuilder.withBody(request.toString().getBytes(StandardCharsets.UTF_8))
                .setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader(STEP_NAME, request.getStepName())
                .setHeader(STEP_EXECUTION_ID, request.getStepExecutionId())
                .setCorrelationId(correlationId)
                .setReplyTo(replyTo)
                .build();
    }

    static StepExecutionRequest request(Message message) {
        MessageProperties p = message.getMessageProperties();
        Object stepName = p.getHeader(STEP_NAME);
        return new StepExecutionRequest(String.valueOf(stepName), stepExecutionId(message));
    }

    static Message reply(Message request, long stepExecutionId, String status) {
        return MessageBuilder.withBody(status.getBytes(StandardCharsets.UTF_8))
                .setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN)
                .setHeader(STEP_EXECUTION_ID, stepExecutionId)
                .setHeader(STATUS, status)
                .setCorrelationId(request.getMessageProperties().getCorrelationId())
                .build();
    }

    static long stepExecutionId(Message message) {
        Object id = message.getMessageProperties().getHeader(STEP_EXECUTION_ID);
        if (!(id instanceof Number n)) {
            throw new IllegalArgumentException("message without a " + STEP_EXECUTION_ID + " header");
        }
        return n.longValue();
    }
}
