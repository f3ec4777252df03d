package io.parity.dialect;

import io.parity.core.ParityException;
import io.parity.dialect.generic.GenericDialect;
import io.parity.dialect.mysql.MariaDbDialect;
import io.parity.dialect.mysql.MySqlDialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the dialect from what the server says it is, not from the URL: MariaDB answers Connector/J as "MySQL". H2 gets
 * the generic JDBC dialect, which hashes rows in Java.
 */
public final class Dialects {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    private Dialects() {
    }

    public static Dialect detect(Connection connection, String side) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return new GenericDialect("H2", connection.getMetaData().getDatabaseProductVersion().split(" ")[0]);
        }
        if (!"MySQL".equalsIgnoreCase(product) && !"MariaDB".equalsIgnoreCase(product)) {
            throw ParityException.badInput(side + ": " + product + " is not supported yet; Parity compares MySQL 8, MariaDB and H2");
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
        if (version.toLowerCase(java.util.Locale.ROOT).contains("mariadb")) {
            return new MariaDbDialect(clean, major, minor);
        }
        if (major < 8) {
            throw ParityException.badInput(side + ": MySQL " + version + " is too old; Parity needs MySQL 8.0 or later");
        }
        return new MySqlDialect(clean);
    }
}
