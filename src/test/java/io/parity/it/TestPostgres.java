package io.parity.it;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL server integration tests run against, found in this order: {@code PARITY_TEST_PG_URL} (a
 * {@code jdbc:postgresql://host:port/} URL, with {@code PARITY_TEST_PG_USER} / {@code PARITY_TEST_PG_PASSWORD}); a
 * PostgreSQL at 127.0.0.1:5432 as postgres without a password (trust, as {@code sql/testbed/postgres-local.sh} sets
 * up); a Testcontainers PostgreSQL 15 when Docker is available. Without any of them the test fails and says how to
 * provide one.
 */
public final class TestPostgres {

    private static TestPostgres instance;

    private final String baseUrl;
    private final String user;
    private final String password;

    private TestPostgres(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.user = user;
        this.password = password;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static TestPostgres locate() {
        String url = System.getenv("PARITY_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            return new TestPostgres(url, env("PARITY_TEST_PG_USER", "postgres"), env("PARITY_TEST_PG_PASSWORD", ""));
        }
        TestPostgres local = new TestPostgres("jdbc:postgresql://127.0.0.1:5432/", "postgres", "");
        try (Connection c = local.connect("postgres")) {
            return local;
        } catch (SQLException e) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                PostgreSQLContainer pg = new PostgreSQLContainer("postgres:15").withUsername("postgres")
                        .withPassword("parity");
                pg.start();
                String base = pg.getJdbcUrl().substring(0, pg.getJdbcUrl().lastIndexOf('/') + 1);
                return new TestPostgres(base, "postgres", "parity");
            }
            throw new IllegalStateException("No test PostgreSQL: set PARITY_TEST_PG_URL (and PARITY_TEST_PG_USER /"
                    + " PARITY_TEST_PG_PASSWORD), or run PostgreSQL at 127.0.0.1:5432 with user postgres and trust"
                    + " (bash sql/testbed/postgres-local.sh sets one up), or make Docker available. (" + e.getMessage() + ")");
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    public String url(String database) {
        return baseUrl + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** Drops (closing other sessions) and creates the given databases. */
    public void recreate(String... databases) {
        for (String db : databases) {
            try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + db);
            } catch (SQLException e) {
                throw new IllegalStateException("test setup failed: " + e.getMessage(), e);
            }
        }
    }

    public void execute(String database, String... statements) {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test setup failed: " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code sql}, as text. */
    public String query(String database, String sql) {
        try (Connection c = connect(database); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + e.getMessage(), e);
        }
    }

    /** Runs a SQL file with {@code psql}, stopping at the first error, as a DBA would. */
    public void psql(String database, java.nio.file.Path file) throws Exception {
        java.net.URI uri = java.net.URI.create(baseUrl.substring("jdbc:".length()));
        ProcessBuilder pb = new ProcessBuilder("psql", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U",
                user, "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-f", file.toString()).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", password);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed on " + file + ": " + out);
        }
    }
}
