package io.parity.engine.mysql;

import io.parity.engine.SessionSetup;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Pins what changes a value's text: time zone (TIMESTAMP), character set, and sql_mode (no PAD_CHAR_TO_FULL_LENGTH);
 * and makes the session read-only on the server, since Connector/J does not propagate {@code setReadOnly} to servers
 * that announce themselves as 5.5 (MariaDB does). Also bounds metadata lock waits, and sets {@code net_write_timeout}
 * once per session to what Connector/J would otherwise set before and reset after every streamed result (two extra
 * round trips per chunk and side; the pool turns that off with {@code netTimeoutForStreamingResults=0}).
 */
class MySqlSession implements SessionSetup {

    static final String SESSION_SETUP = "SET NAMES utf8mb4, time_zone = '+00:00',"
            + " sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION', SESSION %s = 1";

    /** Seconds the server waits on a client that reads a streamed result slowly: Connector/J's own default. */
    static final int STREAMING_WRITE_TIMEOUT = 600;

    private final String readOnlyVariable;

    /** @param readOnlyVariable {@code transaction_read_only} (MySQL) or {@code tx_read_only} (MariaDB 10.x) */
    MySqlSession(String readOnlyVariable) {
        this.readOnlyVariable = readOnlyVariable;
    }

    /** The pinning part alone, without the time limits. */
    String pinning() {
        return String.format(SESSION_SETUP, readOnlyVariable);
    }

    @Override
    public Optional<String> readSession(Duration lockWait) {
        return Optional.of(pinning() + ", SESSION lock_wait_timeout = " + Math.max(1, lockWait.toSeconds())
                + ", SESSION net_write_timeout = " + STREAMING_WRITE_TIMEOUT);
    }

    @Override
    public Map<String, String> readPoolProperties() {
        return Map.of("netTimeoutForStreamingResults", "0");
    }
}
