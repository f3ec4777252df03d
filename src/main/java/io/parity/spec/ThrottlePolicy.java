package io.parity.spec;

import java.time.Duration;

/**
 * Limits that keep a verification from hurting production servers. Each is optional (null = no limit).
 *
 * @param threadsRunning pause while {@code Threads_running} on either side is above this
 * @param replicaLag     pause while a side that is a replica lags more than this
 * @param rowsPerSecond  at most this many rows read per second per side
 */
public record ThrottlePolicy(Integer threadsRunning, Duration replicaLag, Long rowsPerSecond) {

    public static ThrottlePolicy none() {
        return new ThrottlePolicy(null, null, null);
    }

    public boolean active() {
        return threadsRunning != null || replicaLag != null || rowsPerSecond != null;
    }
}
