package io.parity.engine.postgres;

import io.parity.core.ParityException;
import io.parity.engine.Engine;
import io.parity.engine.EngineProvider;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;

/** PostgreSQL 12 and later; older servers are refused (their float text and catalog differ). */
public final class PostgresProvider implements EngineProvider {

    @Override
    public Optional<Engine> detect(Connection connection, String side) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        if (!"PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName())) {
            return Optional.empty();
        }
        int major = meta.getDatabaseMajorVersion();
        String version = meta.getDatabaseProductVersion().split(" ")[0];
        if (major < 12) {
            throw ParityException.badInput(side + ": PostgreSQL " + version + " is older than 12, which Parity needs"
                    + " (exact float text, generated column catalog); upgrade the server or compare a newer copy");
        }
        return Optional.of(new PostgresEngine(version));
    }

    @Override
    public String products() {
        return "PostgreSQL 12+";
    }
}
