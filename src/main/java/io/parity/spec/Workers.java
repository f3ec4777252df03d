package io.parity.spec;

import java.time.Duration;

/**
 * The spec's optional {@code workers:} block: run the verify as a manager whose partitions are executed by
 * {@code parity worker} processes reached through a RabbitMQ broker.
 *
 * @param broker  {@code amqp://user[:password]@host[:port][/vhost]}; a secret, because it may hold the password
 * @param queue   the queue partitions are sent to, or null for the default
 * @param timeout how long the manager waits for all partition replies, or null for the default
 */
public record Workers(Secret broker, String queue, Duration timeout) {
}
