package io.parity.remote;

import org.springframework.amqp.core.Queue;

import java.util.Map;

/** The property that makes a Parity process a manager or a worker, and the queue both sides declare alike. */
public final class RemoteRole {

    public static final String PROPERTY = "parity.remote.role";
    public static final String MANAGER = "manager";
    public static final String WORKER = "worker";

    private RemoteRole() {
    }

    /** Spring properties for a process in the given role. */
    public static Map<String, Object> properties(String role) {
        return Map.of(PROPERTY, role);
    }

    /** Durable, so requests survive a broker restart; declared identically by managers and workers. */
    static Queue partitionQueue(BrokerSettings broker) {
        return new Queue(broker.queue(), true, false, false);
    }
}
