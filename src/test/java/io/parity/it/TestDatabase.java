package io.parity.it;

import io.parity.core.HashAlgorithm;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real server integration tests run against, found in this order: a Testcontainers MySQL of the image named by
 * {@code PARITY_TEST_MYSQL_IMAGE} ({@code mysql:8.4}, {@code mysql:8.0}, {@code mysql:5.7}), which needs Docker;
 * {@code PARITY_TEST_JDBC_URL} (with {@code PARITY_TEST_USER} / {@code PARITY_TEST_PASSWORD}); a MariaDB or MySQL at
 * 127.0.0.1:3306 as root without a password; a Testcontainers MySQL 8 when Docker is available. Without any of them
 * the test fails and says how to provide one: a verification tool's tests never pass by skipping. Only tests that
 * need MariaDB itself skip on MySQL, through {@link #assumeMariaDb}.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    /** The environment variable that names a MySQL image to run the integration tests against. */
    public static final String MYSQL_IMAGE = "PARITY_TEST_MYSQL_IMAGE";

    private final String baseUrl;
    private final String user;
    private final String password;
    private final String properties;
    private Boolean mariaDb;

    private TestDatabase(String baseUrl, String user, String password) {
        this(baseUrl, user, password, "");
    }

    private TestDatabase(String baseUrl, String user, String password, String properties) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.properties = properties;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static TestDatabase locate() {
        String image = System.getenv(MYSQL_IMAGE);
        if (image != null && !image.isBlank()) {
            if (!dockerAvailable()) {
                throw new IllegalStateException(MYSQL_IMAGE + "=" + image + " runs the tests in a MySQL container,"
                        + " which needs Docker; unset it to use the local server");
            }
            return container(image.trim());
        }
        String url = System.getenv("PARITY_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new TestDatabase(stripDatabase(url), env("PARITY_TEST_USER", "root"), env("PARITY_TEST_PASSWORD", ""));
        }
        TestDatabase local = new TestDatabase("jdbc:mysql://127.0.0.1:3306/", "root", "");
        try (Connection c = local.connect("")) {
            return local;
        } catch (SQLException e) {
            if (dockerAvailable()) {
                MySQLContainer mysql = new MySQLContainer("mysql:8.0").withUsername("root").withPassword("parity");
                mysql.start();
                return new TestDatabase(stripDatabase(mysql.getJdbcUrl()), "root", "parity");
            }
            throw new IllegalStateException("No test database: set PARITY_TEST_JDBC_URL (and PARITY_TEST_USER /"
                    + " PARITY_TEST_PASSWORD), or run MariaDB/MySQL at 127.0.0.1:3306 with root and no password"
                    + " (bash .ci/run starts one), or make Docker available for Testcontainers. (" + e.getMessage() + ")");
        }
    }

    /**
     * A MySQL container set up as the local MariaDB is: utf8mb4 with MariaDB's default collation, so fixtures that
     * name no collation get the same one, and TIMESTAMP columns without implicit defaults (5.7 still has them).
     * The connection properties let Connector/J authenticate with {@code caching_sha2_password} (8.x) without TLS.
     */
    private static TestDatabase container(String image) {
        MySQLContainer mysql = new MySQLContainer(image).withUsername("root").withPassword("parity");
        mysql.withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
                "--explicit-defaults-for-timestamp=ON");
        mysql.start();
        return new TestDatabase(stripDatabase(mysql.getJdbcUrl()), "root", "parity",
                "?allowPublicKeyRetrieval=true&useSSL=false");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String stripDatabase(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        int slash = base.indexOf('/', "jdbc:mysql://".length());
        return slash < 0 ? base + "/" : base.substring(0, slash + 1);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    public String url(String database) {
        return baseUrl + database + properties;
    }

    /** Whether the test database is MariaDB (rather than MySQL), from {@code SELECT VERSION()}. */
    public synchronized boolean mariaDb() {
        if (mariaDb == null) {
            mariaDb = query("SELECT VERSION()").toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        }
        return mariaDb;
    }

    /** Whether the test server computes {@code hash} itself: {@code crc64} needs MariaDB's {@code CRC32C()}. */
    public boolean hashesOnServer(HashAlgorithm hash) {
        return hash != HashAlgorithm.CRC64 || mariaDb();
    }

    /** The cheapest hash the test server computes: {@code crc64} on MariaDB, {@code sha1} on MySQL. */
    public HashAlgorithm cheapServerHash() {
        return hashesOnServer(HashAlgorithm.CRC64) ? HashAlgorithm.CRC64 : HashAlgorithm.SHA1;
    }

    /** Skips the calling test when it asks the test server for a hash the server does not compute. */
    public static void assumeServerHash(HashAlgorithm hash) {
        Assumptions.assumeTrue(get().hashesOnServer(hash),
                () -> "skipped on MySQL: hashing " + hash.specName() + " on the server needs MariaDB's CRC32C()");
    }

    /** The session variable that makes a session read-only: MySQL 8 no longer knows the older name. */
    public String readOnlyVariable() {
        return mariaDb() ? "tx_read_only" : "transaction_read_only";
    }

    /** Whether {@code PARITY_TEST_MYSQL_IMAGE} asks for the suite to run against a MySQL container. */
    public static boolean mysqlImageRun() {
        String image = System.getenv(MYSQL_IMAGE);
        return image != null && !image.isBlank();
    }

    /**
     * Skips the calling test (or, from {@code @BeforeAll}, its class) in a run against a MySQL container: for tests
     * of the MariaDB servers {@code sql/testbed} starts, which are not the test database and would not test MySQL.
     */
    public static void assumeNoMySqlImage(String why) {
        Assumptions.assumeFalse(mysqlImageRun(),
                () -> "MariaDB only, skipped with " + MYSQL_IMAGE + "=" + System.getenv(MYSQL_IMAGE) + ": " + why);
    }

    /**
     * Skips the calling test (or, from {@code @BeforeAll}, its class) when the test database is MySQL: for tests that
     * need MariaDB's own types, collations or functions.
     */
    public static void assumeMariaDb(String why) {
        Assumptions.assumeTrue(get().mariaDb(), () -> "MariaDB only, skipped on MySQL: " + why);
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

    /** Runs statements in order on one connection (so session settings such as time_zone carry over). */
    public void execute(String... statements) {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test setup failed: " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code sql}, as a number. */
    public long queryLong(String sql) {
        return Long.parseLong(query(sql));
    }

    /** The first column of the first row of {@code sql}, as text. */
    public String query(String sql) {
        try (Connection c = connect(""); Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + e.getMessage(), e);
        }
    }

    /** Drops and creates the given databases. */
    public void recreate(String... databases) {
        for (String db : databases) {
            execute("DROP DATABASE IF EXISTS `" + db + "`", "CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4");
        }
    }
}
