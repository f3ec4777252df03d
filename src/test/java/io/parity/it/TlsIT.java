package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS to the databases from the spec's {@code tls:} block, against a throw-away MariaDB on port 3320 started by
 * {@code sql/testbed/mariadb-instance.sh} with certificates this test makes. Its account requires a client
 * certificate ({@code REQUIRE X509}), so a passing run proves the connection was TLS with the spec's key. The server
 * on 3306 offers no TLS, which {@code mode: required} must refuse.
 */
class TlsIT {

    static final String PORT = "3320";
    static final String DB = "pit_tls";
    static final String REPO = "pit_tls_repo";

    @TempDir
    static Path dir;

    static TestCertificates certs;

    @BeforeAll
    static void setUp() throws Exception {
        TestDatabase.assumeNoMySqlImage("starts an extra mariadbd with TLS from sql/testbed/mariadb-instance.sh");
        certs = TestCertificates.create(dir.resolve("certs"));
        script("stop");
        script("start");
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + PORT + "/?sslMode=DISABLED",
                "root", ""); Statement st = c.createStatement()) {
            for (String db : new String[] {DB, REPO}) {
                st.execute("DROP DATABASE IF EXISTS " + db);
                st.execute("CREATE DATABASE " + db);
            }
            st.execute("CREATE TABLE " + DB + ".t (id INT PRIMARY KEY, v INT)");
            st.execute("USE " + DB);
            st.execute("INSERT INTO t SELECT seq, seq FROM seq_1_to_500");
            st.execute("CREATE TABLE " + DB + ".u LIKE " + DB + ".t");
            st.execute("INSERT INTO " + DB + ".u SELECT * FROM " + DB + ".t");
            st.execute("DROP USER IF EXISTS 'tls_user'@'127.0.0.1'");
            st.execute("CREATE USER 'tls_user'@'127.0.0.1' IDENTIFIED BY 'tls-pw' REQUIRE X509");
            st.execute("GRANT ALL ON " + DB + ".* TO 'tls_user'@'127.0.0.1'");
            st.execute("GRANT ALL ON " + REPO + ".* TO 'tls_user'@'127.0.0.1'");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (!TestDatabase.mysqlImageRun()) {
            script("stop");
        }
    }

    static void script(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "sql/testbed/mariadb-instance.sh", command, PORT).inheritIO();
        if (certs != null) {
            pb.environment().put("PARITY_INSTANCE_TLS_DIR", prepareServerFiles().toString());
        }
        assertThat(pb.start().waitFor()).as("mariadb-instance.sh " + command).isZero();
    }

    private static Path prepareServerFiles() throws Exception {
        Path server = dir.resolve("server");
        Files.createDirectories(server);
        Files.copy(certs.file("ca.pem"), server.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(certs.file("server-cert.pem"), server.resolve("server-cert.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(certs.file("server-key.pem"), server.resolve("server-key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return server;
    }

    private static String endpoint(String label, String url, String user, String password, String tls) {
        return label + ":\n  url: " + url + "\n  user: " + user + "\n  password: \"" + password + "\"\n"
                + (tls == null ? "" : "  tls: " + tls + "\n");
    }

    private static Path spec(String name, String body) throws Exception {
        Path file = certs.dir().resolve(name + ".yml"); // beside the certificates: files are relative to the spec
        Files.writeString(file, "name: " + name + "\n" + body + "tables:\n  - name: " + DB + ".t\n    target: " + DB
                + ".u\n");
        return file;
    }

    private static String tlsSide(String label, String tls) {
        return endpoint(label, "jdbc:mysql://localhost:" + PORT + "/" + DB, "tls_user", "tls-pw", tls);
    }

    @Test
    void verifyFullWithAClientCertificatePassesForSidesAndRepository() throws Exception {
        String full = "{ mode: verify-full, ca-file: ca.pem, cert-file: client-cert.pem, key-file: client-key.pem }";
        Path spec = spec("tls-full", tlsSide("source", full) + tlsSide("destination", full)
                + endpoint("repository", "jdbc:mysql://localhost:" + PORT + "/" + REPO, "tls_user", "tls-pw", full));
        Path reports = dir.resolve("r-full");

        CliRun run = CliRun.run(null, "verify", "--job", spec.toString(), "--report-dir", reports.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String key = Files.readString(certs.file("client-key.pem")).lines().skip(1).findFirst().orElseThrow();
        try (Stream<Path> files = Files.walk(reports)) {
            files.filter(Files::isRegularFile).forEach(f -> assertThat(read(f)).as(f.toString()).doesNotContain(key)
                    .doesNotContain("tls-pw"));
        }
        assertThat(run.out() + run.err()).doesNotContain(key);
    }

    @Test
    void aCaThatDidNotSignTheServerCertificateIsRefusedWithOneLine() throws Exception {
        Path spec = spec("tls-wrong-ca", tlsSide("source", "{ mode: verify-ca, ca-file: other-ca.pem, cert-file:"
                + " client-cert.pem, key-file: client-key.pem }") + tlsSide("destination", null));

        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r-ca").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains("source: the server's certificate is not signed by a trusted CA")
                .contains("point source.tls.ca-file at the CA");
        assertThat(dir.resolve("r-ca")).doesNotExist();
    }

    @Test
    void verifyFullRefusesAHostTheCertificateDoesNotName() throws Exception {
        String full = "{ mode: verify-full, ca-file: ca.pem, cert-file: client-cert.pem, key-file: client-key.pem }";
        String byAddress = "jdbc:mysql://127.0.0.1:" + PORT + "/" + DB; // the certificate names localhost only
        Path spec = spec("tls-host", endpoint("source", byAddress, "tls_user", "tls-pw", full)
                + tlsSide("destination", full));

        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r-h").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains("source: the server's certificate does not name the host in " + byAddress)
                .contains("or set source.tls.mode: verify-ca");
    }

    @Test
    void requiredAgainstAServerWithoutTlsIsRefusedWithOneLine() throws Exception {
        TestDatabase db = TestDatabase.get();
        Path spec = spec("tls-plain", endpoint("source", "jdbc:mysql://localhost:" + PORT + "/" + DB, "tls_user",
                "tls-pw", "{ mode: verify-full, ca-file: ca.pem, cert-file: client-cert.pem, key-file: client-key.pem }")
                + endpoint("destination", db.url(DB), db.user(), db.password(), "{ mode: required }"));

        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r-pl").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains("destination: the server at " + db.url(DB) + " does not offer TLS")
                .contains("set destination.tls.mode: disabled");
    }

    @Test
    void withoutATlsBlockThePlainServerStillWorks() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.recreate(DB);
        db.execute("USE " + DB, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", "CREATE TABLE u LIKE t",
                "INSERT INTO t VALUES (1, 1), (2, 2)", "INSERT INTO u VALUES (1, 1), (2, 2)");
        Path spec = spec("tls-none", endpoint("source", db.url(DB), db.user(), db.password(), null)
                + endpoint("destination", db.url(DB), db.user(), db.password(), "{ mode: disabled }"));

        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r-no").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
