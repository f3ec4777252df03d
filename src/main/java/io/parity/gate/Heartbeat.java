package io.parity.gate;

import io.parity.connect.MarkerRows;
import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.spec.Durations;
import io.parity.spec.HeartbeatSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures replication delay with a row Parity writes on one side and watches for on the other. Both the write time
 * and the time the row became visible are taken from Parity's own clock, so the delay is exact to the polling step
 * (50 ms) and immune to clock skew between the servers; it works with any replicator, native or not.
 *
 * <p>The same mechanism, pointed the other way at {@code parity_canary}, proves reverse replication.
 */
public final class Heartbeat {

    static final Duration POLL = Duration.ofMillis(50);

    /**
     * One heartbeat's fate.
     *
     * @param visible    the row arrived on the reading side within the wait
     * @param delay      time to arrival; when not visible, the time waited (a lower bound)
     * @param seq        the sequence written
     */
    public record Beat(boolean visible, Duration delay, long seq) {

        public Map<String, Object> values(String prefix) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put(prefix + "_visible", visible);
            v.put(prefix + "_delay_ms", delay.toMillis());
            v.put(prefix + "_seq", seq);
            return v;
        }

        public String describe(String what) {
            return visible ? what + " visible after " + Durations.format(delay)
                    : what + " not visible after " + Durations.format(delay);
        }
    }

    private Heartbeat() {
    }

    /** Writes the heartbeat on the source and waits up to {@code wait} for it on the destination. */
    public static Beat forward(GateContext context, Duration wait) {
        return send(context, Side.SOURCE, Side.DESTINATION, GateSql.HEARTBEAT_TABLE, wait);
    }

    /** Writes the canary on the destination and waits up to {@code wait} for it on the source. */
    public static Beat reverse(GateContext context, Duration wait) {
        return send(context, Side.DESTINATION, Side.SOURCE, GateSql.CANARY_TABLE, wait);
    }

    private static Beat send(GateContext context, Side writer, Side reader, String table, Duration wait) {
        HeartbeatSettings hb = context.heartbeat();
        // Connect to the reading side first: opening a pool is not replication delay.
        context.on(reader, "connecting", (c, sql) -> null);
        Instant written = context.on(writer, "writing Parity's " + table + " row", (c, sql) -> {
            if (!MarkerRows.exists(c, sql.cutover(), hb.schema(), table)) {
                MarkerRows.inDomain(c, sql.cutover(), hb, () -> MarkerRows.create(c, sql.cutover(), hb.schema(), table));
            }
            Instant at = context.clock().instant().truncatedTo(ChronoUnit.MICROS);
            MarkerRows.inDomain(c, sql.cutover(), hb, () -> MarkerRows.write(c, sql.cutover(), hb, table, seqOf(at), at));
            return at;
        });
        long seq = seqOf(written);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Long seen = context.on(reader, "reading Parity's " + table + " row", (c, sql) -> MarkerRows.read(c, sql.cutover(), hb, table));
            Instant now = context.clock().instant();
            if (seen != null && seen >= seq) {
                return new Beat(true, Duration.between(written, now), seq);
            }
            if (System.nanoTime() >= deadline) {
                return new Beat(false, Duration.between(written, now), seq);
            }
            sleep();
        }
    }

    /** Microseconds since the epoch by Parity's clock: increasing, and the write time in one number. */
    private static long seqOf(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParityException(Failure.INCOMPLETE, "interrupted while waiting for a heartbeat", e);
        }
    }
}
