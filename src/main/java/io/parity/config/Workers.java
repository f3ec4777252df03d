package io.parity.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's optional {@code workers:} block: run the verify as a manager whose partitions are executed by
 * {@code parity worker} processes reached through a RabbitMQ broker.
 *
 * @param broker  {@code amqp://user[:password]@host[:port][/vhost]}; a secret, because it may hold the password
 * @param queue   the queue partitions are sent to, or null for the default
 * @param timeout how long the manager waits for all partition replies, or null for the default
 */
public record Workers(Secret broker, String queue, Duration timeout) {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(s|m|h)");

    /** {@code 90s}, {@code 30m} or {@code 12h}; null when the text is none of these or zero. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
