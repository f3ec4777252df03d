package io.parity.spec;

import java.time.Duration;

/**
 * How differences are re-checked before they are reported: under live replication a difference may only be in
 * flight. Attempt {@code i} (from 0) waits {@code delay * multiplier^i} and re-reads the row on both sides; a row that
 * is equal on any attempt is resolved, one that still differs after the last is confirmed. Zero attempts reports
 * every difference found.
 */
public record RecheckPolicy(int attempts, Duration delay, double multiplier) {

    public static RecheckPolicy defaults() {
        return new RecheckPolicy(1, Duration.ofSeconds(1), 2.0);
    }

    public Duration delayBefore(int attempt) {
        return Duration.ofMillis((long) (delay.toMillis() * Math.pow(multiplier, attempt)));
    }
}
