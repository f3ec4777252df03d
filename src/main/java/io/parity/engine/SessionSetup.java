package io.parity.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How verify sessions are pinned, so the same value always reads as the same bytes: time zone, character set,
 * {@code sql_mode} and read-only on MySQL; nothing on an engine whose canonical values are built in Java.
 */
public interface SessionSetup {

    /**
     * The statement run on every new read connection, or empty. It also bounds how long a read waits for a metadata
     * lock ({@code lockWait}), so DDL cannot stall a run forever.
     */
    Optional<String> readSession(Duration lockWait);

    /** Driver properties of read pools, beyond the ones every pool gets. */
    Map<String, String> readPoolProperties();
}
