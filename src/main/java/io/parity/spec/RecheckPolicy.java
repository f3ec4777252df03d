package io.parity.spec;

import java.time.Duration;

/**
 * How differences are re-checked before they are reported: under live replication a difference may only be in
 * flight. Attempt {@code i} (from 0) waits {@code delay * multiplier^i} and re-reads the row on both sides; a row that
 * is equal on any attempt is resolved. Zero attempts reports every difference found.
 * <p>
 * After the first {@code attempts}, a run that cannot see how the destination replicates goes on re-checking, with
 * the same backoff, while the destination keeps applying writes and for at most {@code maxWait} in all: a row is
 * confirmed once it still differs after an interval in which the destination applied nothing, or when
 * {@code maxWait} has passed.
 */
public record RecheckPolicy(int attempts, Duration delay, double multiplier, Duration maxWait) {

    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(2);

    public RecheckPolicy(int attempts, Duration delay, double multiplier) {
        this(attempts, delay, multiplier, DEFAULT_MAX_WAIT);
    }

    public static RecheckPolicy defaults() {
        return new RecheckPolicy(1, Duration.ofSeconds(1), 2.0);
    }

    public Duration delayBefore(int attempt) {
        return Duration.ofMillis((long) (delay.toMillis() * Math.pow(multiplier, Math.min(attempt, 30))));
    }
}
