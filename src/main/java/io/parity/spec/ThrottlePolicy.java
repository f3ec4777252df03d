package io.parity.spec;

import java.time.Duration;
import java.util.List;

/**
 * Limits that keep a verification from hurting production servers. Each is optional (null = no limit).
 *
 * @param threadsRunning     pause while {@code Threads_running} on either side is above this
 * @param replicaLag         pause while a side that is a replica, or a replica of the source, lags more than this
 * @param rowsPerSecond      at most this many rows read per second per side
 * @param replicas           JDBC URLs of the source's replicas to watch besides those the source lists itself (reached
 *                           with the source's account)
 * @param stoppedReplicaWait how long a watched replica whose replication is stopped may hold the run before it ends
 *                           with exit 3 (a stopped replica's lag never shrinks by itself)
 */
public record ThrottlePolicy(Integer threadsRunning, Duration replicaLag, Long rowsPerSecond, List<String> replicas,
                             Duration stoppedReplicaWait) {

    public static final Duration DEFAULT_STOPPED_REPLICA_WAIT = Duration.ofSeconds(60);

    public ThrottlePolicy {
        replicas = List.copyOf(replicas);
    }

    public ThrottlePolicy(Integer threadsRunning, Duration replicaLag, Long rowsPerSecond) {
        this(threadsRunning, replicaLag, rowsPerSecond, List.of(), DEFAULT_STOPPED_REPLICA_WAIT);
    }

    public static ThrottlePolicy none() {
        return new ThrottlePolicy(null, null, null);
    }

    public boolean active() {
        return threadsRunning != null || replicaLag != null || rowsPerSecond != null;
    }
}
