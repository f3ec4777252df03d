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

/** MySQL 8 and MariaDB, told apart by {@code SELECT VERSION()}: MariaDB answers Connector/J as "MySQL". */
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
        int major = m.find() ? Integer.parseInt(m.group(1)) : 0;
        int minor = major == 0 ? 0 : Integer.parseInt(m.group(2));
        String clean = major == 0 ? version : m.group();
        if (version.toLowerCase(Locale.ROOT).contains("mariadb")) {
            return Optional.of(new MariaDbEngine(clean, major, minor));
        }
        if (major < 8) {
            throw ParityException.badInput(side + ": MySQL " + version + " is too old; Parity needs MySQL 8.0 or later");
        }
        return Optional.of(new MySqlEngine(clean));
    }

    @Override
    public String products() {
        return "MySQL 8, MariaDB";
    }
}
