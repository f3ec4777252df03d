package io.parity.checksum;

import io.parity.connect.SideConnection;
import io.parity.core.Sides;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Each side's round trip, measured once before the first chunk: the quickest of three pings on a pooled connection
 * (the driver's validity check: one packet each way). Used to choose the hash of {@code hashing: auto}; a side whose
 * ping fails counts as far away, and the failure itself surfaces with the first real query.
 */
public final class RoundTrips {

    private static final int PINGS = 3;

    private RoundTrips() {
    }

    public static Sides<Duration> measure(SideConnection source, SideConnection destination) {
        return new Sides<>(of(source), of(destination));
    }

    static Duration of(SideConnection side) {
        long best = Long.MAX_VALUE;
        try (Connection c = side.dataSource().getConnection()) {
            for (int i = 0; i < PINGS; i++) {
                long start = System.nanoTime();
                if (!c.isValid(5)) {
                    return Duration.ofSeconds(5);
                }
                best = Math.min(best, System.nanoTime() - start);
            }
        } catch (SQLException e) {
            return Duration.ofSeconds(5);
        }
        return Duration.ofNanos(best);
    }
}
