package io.parity.spec;

import java.time.Duration;

/**
 * Retries of a chunk whose query failed for a transient reason (connection killed or lost, lock wait timeout,
 * deadlock): attempt {@code i} waits {@code delay * 2^i}. A chunk's check is a pure read, so a retry gives the same
 * result as an undisturbed first try.
 */
public record RetryPolicy(int attempts, Duration delay) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1));
    }
}
