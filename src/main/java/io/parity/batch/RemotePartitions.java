package io.parity.batch;

import org.springframework.batch.core.partition.PartitionHandler;

/**
 * Executes the partitions of the verify step in other processes. A bean of this type exists only when this process is
 * a manager (see {@code io.parity.remote}); without one, partitions run on local threads.
 */
public interface RemotePartitions {

    /** A handler for one run of the partitioned step whose worker step is {@code workerStep}. */
    PartitionHandler handler(String workerStep, int gridSize);
}
