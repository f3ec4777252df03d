package io.parity.engine;

import io.parity.core.ParityException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Picks the engine from what the server says it is, not from the URL (MariaDB answers Connector/J as "MySQL"): each
 * {@link EngineProvider} is asked in turn.
 */
public final class Engines {

    private static final List<EngineProvider> PROVIDERS = ServiceLoader.load(EngineProvider.class,
            Engines.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

    private Engines() {
    }

    public static Engine detect(Connection connection, String side) throws SQLException {
        for (EngineProvider provider : PROVIDERS) {
            Optional<Engine> engine = provider.detect(connection, side);
            if (engine.isPresent()) {
                return engine.get();
            }
        }
        List<String> products = PROVIDERS.stream().map(EngineProvider::products).toList();
        String known = products.size() < 2 ? String.join("", products)
                : String.join(", ", products.subList(0, products.size() - 1)) + " and " + products.get(products.size() - 1);
        throw ParityException.badInput(side + ": " + connection.getMetaData().getDatabaseProductName()
                + " is not supported yet; Parity compares " + known);
    }
}
