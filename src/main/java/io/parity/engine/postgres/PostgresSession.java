package io.parity.engine.postgres;

import io.parity.engine.SessionSetup;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Pins what the text of a value depends on: {@code TimeZone} (instants print in UTC, with {@code +00}), {@code DateStyle}
 * (ISO), {@code IntervalStyle}, and {@code extra_float_digits = 1} (shortest exact text of floats, the default since
 * PostgreSQL 12); bounds lock waits with {@code lock_timeout}. Parameters are sent untyped
 * ({@code stringtype=unspecified}), so a key read as text (a UUID, a timestamp, an enum label) binds back to its column's
 * type.
 */
class PostgresSession implements SessionSetup {

    static final String PINNING = "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';"
            + " SET extra_float_digits = 1; SET bytea_output = 'hex'";

    @Override
    public Optional<String> readSession(Duration lockWait) {
        return Optional.of(PINNING + "; SET lock_timeout = '" + Math.max(1, lockWait.toSeconds()) + "s'");
    }

    @Override
    public Map<String, String> readPoolProperties() {
        return Map.of("stringtype", "unspecified", "ApplicationName", "parity");
    }
}
