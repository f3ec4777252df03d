package io.parity.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Recognises the engine behind a connection. Providers are listed in
 * {@code META-INF/services/io.parity.engine.EngineProvider} and asked in that order; the first that recognises the
 * server's product answers. A provider may refuse a version it recognises with a
 * {@link io.parity.core.ParityException} (bad input) that says why.
 */
public interface EngineProvider {

    /** The engine of the server behind {@code connection}, or empty when this provider does not know the product. */
    Optional<Engine> detect(Connection connection, String side) throws SQLException;

    /** What this provider recognises, for the message when none does: {@code MySQL 5.7 and later, MariaDB}. */
    String products();
}
