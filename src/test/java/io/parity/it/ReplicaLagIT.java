package io.parity.it;

import io.parity.connect.ReplicaLag;
import io.parity.connect.SideConnection;
import io.parity.core.Side;
import io.parity.serve.ServeMetrics;
import io.parity.spec.Endpoint;
import io.parity.spec.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica delay that the throttle and {@code parity serve}'s metrics read, on the real replication pair: 0 while
 * the replica applies, "stopped" while its SQL thread is stopped, nothing on a server that is no replica; and the
 * Prometheus gauge it feeds.
 */
class ReplicaLagIT {

    @BeforeAll
    static void setUp() {
        ReplicationPair.start();
    }

    @AfterAll
    static void tearDown() {
        ReplicationPair.reset();
    }

    static SideConnection side(int port) {
        return SideConnection.open(Side.DESTINATION, new Endpoint("destination", ReplicationPair.url(port, ""), "root",
                Secret.of("")), 1);
    }

    @Test
    void readsTheReplicasDelayAndTellsStoppedFromNoReplica() throws Exception {
        try (SideConnection replica = side(ReplicationPair.DESTINATION); SideConnection source = side(ReplicationPair.SOURCE)) {
            assertThat(ReplicaLag.secondsBehind(replica)).contains(0L);
            assertThat(ReplicaLag.secondsBehind(source)).isEqualTo(Optional.empty());
            ReplicationPair.execute(ReplicationPair.DESTINATION, "STOP SLAVE SQL_THREAD");
            try {
                assertThat(ReplicaLag.secondsBehind(replica)).contains(Long.MAX_VALUE);
            } finally {
                ReplicationPair.execute(ReplicationPair.DESTINATION, "START SLAVE SQL_THREAD");
            }
        }
        ServeMetrics metrics = new ServeMetrics();
        metrics.recordReplicaLag("shop", 3);
        assertThat(metrics.scrape()).contains("parity_replication_lag_seconds{job=\"shop\"} 3.0");
        metrics.recordReplicaLag("shop", Long.MAX_VALUE);
        assertThat(metrics.scrape()).contains("parity_replication_lag_seconds{job=\"shop\"} -1.0");
    }
}
