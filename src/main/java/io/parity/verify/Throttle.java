package io.parity.verify;

import com.google.common.util.concurrent.RateLimiter;
import io.parity.connect.SideConnection;
import io.parity.spec.ThrottlePolicy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds chunks back while either server is busy ({@code Threads_running} above the limit) or a side that is a replica
 * lags too far behind, and spaces chunks so that no more than {@code rows-per-second} rows are read per side. Shared
 * by all partitions of a run; the time spent waiting is counted for the report. Load is sampled at most once a second.
 */
public final class Throttle {

    static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

    private final ThrottlePolicy policy;
    private final List<SideConnection> sides;
    private final RateLimiter rows;
    private final AtomicLong pausedMillis = new AtomicLong();
    private final ReplicaWatch replicas;
    private volatile long lastSample;
    private volatile String busy;
    private volatile boolean threadsWarned;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Throttle.class);

    public Throttle(ThrottlePolicy policy, List<SideConnection> sides) {
        this(policy, sides, null);
    }

    /** @param source the side whose own replicas are watched too (null: none) */
    public Throttle(ThrottlePolicy policy, List<SideConnection> sides, SideConnection source) {
        this.policy = policy;
        this.sides = List.copyOf(sides);
        this.rows = policy.rowsPerSecond() == null ? null : RateLimiter.create(policy.rowsPerSecond());
        this.replicas = new ReplicaWatch(policy, sides, source);
    }

    /** Blocks while a server is over a limit. */
    public void beforeChunk() {
        if (policy.threadsRunning() == null && policy.replicaLag() == null) {
            return;
        }
        long start = System.nanoTime();
        while (overLimit() != null) {
            sleep(SAMPLE_EVERY);
        }
        pausedMillis.addAndGet((System.nanoTime() - start) / 1_000_000);
    }

    /** Spaces chunks to the rows-per-second limit. */
    public void afterChunk(long rowsRead) {
        if (rows != null && rowsRead > 0) {
            double waited = rows.acquire((int) Math.min(Integer.MAX_VALUE, rowsRead));
            pausedMillis.addAndGet((long) (waited * 1000));
        }
    }

    public long pausedMillis() {
        return pausedMillis.get();
    }

    /** What is over its limit now (sampled at most once a second), or null. */
    String overLimit() {
        long now = System.nanoTime();
        if (now - lastSample >= SAMPLE_EVERY.toNanos()) {
            busy = sample();
            lastSample = now;
        }
        return busy;
    }

    private String sample() {
        if (policy.threadsRunning() != null) {
            for (SideConnection side : sides) {
                String threads = side.engine().replication().map(r -> r.threadsRunning()).orElse(null);
                if (threads == null) {
                    continue;
                }
                try (Connection c = side.dataSource().getConnection(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery(threads)) {
                    if (rs.next() && rs.getLong(2) > policy.threadsRunning()) {
                        return side.side().label() + " Threads_running " + rs.getLong(2);
                    }
                } catch (SQLException e) {
                    // load unknown: said once, and the run goes on rather than stalling on a status query
                    if (!threadsWarned) {
                        threadsWarned = true;
                        LOG.warn("throttle: cannot read Threads_running on the {} ({}); threads-running is not watched"
                                + " there", side.side().label(), String.valueOf(e.getMessage()).lines().findFirst()
                                .orElse(""));
                    }
                }
            }
        }
        return replicas.overLimit();
    }

    /** Closes the connections to watched replicas. */
    public void close() {
        replicas.close();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while throttled", e);
        }
    }
}
