package io.parity.engine.mysql;

import io.parity.core.ParityException;
import io.parity.engine.Engine;
import io.parity.engine.EngineProvider;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL 5.7 and later and MariaDB, told apart by {@code SELECT VERSION()}: MariaDB answers Connector/J as "MySQL". The
 * version decides the engine's {@link MySqlCapabilities}; MySQL before 5.7 is refused.
 */
public final class MySqlProvider implements EngineProvider {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    @Override
    public Optional<Engine> detect(Connection connection, String side) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (!"MySQL".equalsIgnoreCase(product) && !"MariaDB".equalsIgnoreCase(product)) {
            return Optional.empty();
        }
        String version;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            version = rs.getString(1);
        }
        Matcher m = VERSION.matcher(version);
        String clean = m.find() ? m.group() : version;
        if (version.toLowerCase(Locale.ROOT).contains("mariadb")) {
            return Optional.of(new MariaDbEngine(clean, MySqlCapabilities.mariaDb(clean)));
        }
        int[] numbers = MySqlCapabilities.numbers(clean);
        if (numbers[0] < 5 || (numbers[0] == 5 && numbers[1] < 7)) {
            throw ParityException.badInput(side + ": MySQL " + version + " is too old; Parity needs MySQL 5.7 or later");
        }
        return Optional.of(new MySqlEngine(clean, MySqlCapabilities.mysql(clean)));
    }

    @Override
    public String products() {
        return "MySQL 5.7 and later, MariaDB";
    }
}
