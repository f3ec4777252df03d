package io.parity.engine.generic;

import io.parity.engine.Engine;
import io.parity.engine.EngineProvider;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;

/** H2, through the generic engine; other standard-SQL engines would be listed here once tested. */
public final class GenericProvider implements EngineProvider {

    @Override
    public Optional<Engine> detect(Connection connection, String side) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        if (!"H2".equalsIgnoreCase(meta.getDatabaseProductName())) {
            return Optional.empty();
        }
        return Optional.of(new GenericEngine("H2", meta.getDatabaseProductVersion().split(" ")[0]));
    }

    @Override
    public String products() {
        return "H2";
    }
}
