/**
 * Scale-out: the partitions of a verify run executed by {@code parity worker} processes on other machines, with
 * Spring Batch remote partitioning ({@code MessageChannelPartitionHandler} on the manager,
 * {@code StepExecutionRequestHandler} on the workers) over RabbitMQ, and a job repository database shared by all.
 * Requests go to one durable queue that every worker consumes one message at a time; replies come back through the
 * broker to the manager's own reply queue, so a run ends as soon as its last partition does. Nothing here is loaded
 * unless a command runs as manager or worker.
 */
package io.parity.remote;
