package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS to PostgreSQL from the spec's {@code tls:} block, against a throw-away cluster on port 5440 started by
 * {@code sql/testbed/postgres-tls.sh} with certificates this test makes. The cluster accepts only TLS connections with
 * a client certificate its CA signed, so a passing run proves pgjdbc got the spec's CA, certificate and key. The
 * server on 5432 offers no TLS, which {@code mode: required} must refuse.
 */
class TlsPostgresIT {

    static final String PORT = "5440";
    static final String DB = "pit_tls";

    @TempDir
    static Path dir;

    static TestCertificates certs;

    @BeforeAll
    static void setUp() throws Exception {
        certs = TestCertificates.create(dir.resolve("certs"));
        script("start", PORT, certs.dir().toString());
        psql("postgres", "CREATE DATABASE " + DB);
        psql(DB, "CREATE TABLE t (id INT PRIMARY KEY, v INT); INSERT INTO t SELECT g, g FROM generate_series(1, 300) g;"
                + " CREATE TABLE u (id INT PRIMARY KEY, v INT); INSERT INTO u SELECT * FROM t;");
    }

    @AfterAll
    static void tearDown() throws Exception {
        script("stop", PORT);
    }

    static void script(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", "sql/testbed/postgres-tls.sh"));
        command.addAll(java.util.List.of(args));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).as("postgres-tls.sh " + args[0]).isZero();
    }

    /** SQL over the cluster's Unix socket, which needs no certificate. */
    static void psql(String database, String sql) throws Exception {
        String socket = System.getenv().getOrDefault("PARITY_PG_TLS_DIR", "/tmp/parity-pg-tls") + "/" + PORT;
        Process p = new ProcessBuilder("runuser", "-u", "postgres", "--", "psql", "-h", socket, "-p", PORT, "-U",
                "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qc", sql).inheritIO().start();
        assertThat(p.waitFor()).as("psql " + sql).isZero();
    }

    private static Path spec(String name, String sourceUrl, String sourceTls) throws Exception {
        String full = "{ mode: verify-full, ca-file: ca.pem, cert-file: client-cert.pem, key-file: client-key.pem }";
        String tlsUrl = "jdbc:postgresql://localhost:" + PORT + "/" + DB;
        Path file = certs.dir().resolve(name + ".yml");
        Files.writeString(file, "name: " + name + "\n"
                + "source:\n  url: " + sourceUrl + "\n  user: postgres\n  password: \"\"\n  tls: " + sourceTls + "\n"
                + "destination:\n  url: " + tlsUrl + "\n  user: postgres\n  password: \"\"\n  tls: " + full + "\n"
                + "tables:\n  - name: t\n    target: u\n");
        return file;
    }

    @Test
    void verifyFullWithAClientCertificatePasses() throws Exception {
        Path spec = spec("pg-full", "jdbc:postgresql://localhost:" + PORT + "/" + DB,
                "{ mode: verify-full, ca-file: ca.pem, cert-file: client-cert.pem, key-file: client-key.pem }");

        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void aCaThatDidNotSignTheServerCertificateIsRefusedWithOneLine() throws Exception {
        Path spec = spec("pg-wrong-ca", "jdbc:postgresql://localhost:" + PORT + "/" + DB,
                "{ mode: verify-ca, ca-file: other-ca.pem, cert-file: client-cert.pem, key-file: client-key.pem }");

        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains("source: the server's certificate is not signed by a trusted CA")
                .contains("point source.tls.ca-file at the CA");
    }

    @Test
    void requiredAgainstAServerWithoutTlsIsRefusedWithOneLine() throws Exception {
        TestPostgres pg = TestPostgres.get();
        Path spec = spec("pg-plain", pg.url("postgres"), "{ mode: required }");

        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("source: the server at " + pg.url("postgres")
                + " does not offer TLS").contains("set source.tls.mode: disabled");
    }
}
