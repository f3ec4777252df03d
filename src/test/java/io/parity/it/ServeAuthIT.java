package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code parity serve} in its own JVM, protected: HTTPS from a PEM certificate and key the test makes with
 * {@code keytool}, a bearer token from the environment, a basic-auth password and a scrape token from files. Every
 * path answers 401 with a challenge without credentials or with wrong ones, 200 with them; the scrape token opens
 * {@code /metrics} only; every answer carries the security headers. Binding beyond loopback without credentials is
 * refused in one line, with nothing written. No database server is needed: nothing is due while the test runs.
 */
class ServeAuthIT {

    static final String TOKEN = "tok-4f9a1c77e2";
    static final String PASSWORD = "pw-b81d0c";
    static final String SCRAPE = "scrape-61e0";
    static final String REPORT = "/reports/pit-auth/1/report.html";
    static final List<String> PATHS = List.of("/", "/api/jobs", "/metrics", REPORT);

    @TempDir
    static Path dir;
    static Process serve;
    static String base;
    static HttpClient https;

    @BeforeAll
    static void startProtectedServe() throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("pit-auth.yml"), "name: pit-auth\nschedule: \"0 0 3 1 1 *\"\n"
                + "source: {url: \"jdbc:h2:mem:auth_src\", user: sa, password: \"\"}\n"
                + "destination: {url: \"jdbc:h2:mem:auth_dst\", user: sa, password: \"\"}\ntables: [t]\n");
        Path report = dir.resolve("reports" + REPORT.substring("/reports".length()));
        Files.createDirectories(report.getParent());
        Files.writeString(report, "<html><body>sample rows</body></html>");
        KeyStore keys = TestCertificate.create(dir);
        Path cert = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", keys.getCertificate("serve").getEncoded()));
        Path key = Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY",
                keys.getKey("serve", TestCertificate.PASSWORD).getEncoded()));
        Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Files.writeString(dir.resolve("scrape"), SCRAPE);
        serve = ParityProcess.start(dir.resolve("serve.log"), Map.of("PARITY_SERVE_TOKEN", TOKEN,
                        "PARITY_SERVE_USER", "ops"),
                "serve", "--jobs", jobs.toString(), "--port", "0", "--report-dir", dir.resolve("reports").toString(),
                "--repository-url", "jdbc:h2:file:" + dir.resolve("repo").toAbsolutePath(),
                "--password-file", dir.resolve("password").toString(),
                "--metrics-token-file", dir.resolve("scrape").toString(),
                "--tls-cert", cert.toString(), "--tls-key", key.toString());
        https = HttpClient.newBuilder().sslContext(trusting(keys.getCertificate("serve")))
                .connectTimeout(Duration.ofSeconds(10)).build();
        base = awaitBaseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stopped on SIGTERM").isTrue();
        }
    }

    @Test
    void everyPathWithoutCredentialsOrWithWrongOnesIs401WithAChallenge() throws Exception {
        for (String path : PATHS) {
            for (String authorization : new String[] {null, "Bearer " + TOKEN + "x", "Bearer " + PASSWORD,
                    basic("ops", PASSWORD + "x"), basic("root", PASSWORD)}) {
                HttpResponse<String> r = get(path, authorization);
                assertThat(r.statusCode()).as("%s with %s", path, authorization).isEqualTo(401);
                assertThat(r.headers().allValues("WWW-Authenticate")).containsExactlyInAnyOrder(
                        "Bearer realm=\"parity\"", "Basic realm=\"parity\", charset=\"UTF-8\"");
                assertThat(r.body()).doesNotContain("sample rows").doesNotContain("parity_");
            }
        }
    }

    @Test
    void everyPathWithTheTokenOrTheAccountIs200() throws Exception {
        for (String path : PATHS) {
            for (String authorization : new String[] {"Bearer " + TOKEN, basic("ops", PASSWORD)}) {
                assertThat(get(path, authorization).statusCode()).as("%s with %s", path, authorization).isEqualTo(200);
            }
        }
        assertThat(get(REPORT, "Bearer " + TOKEN).body()).contains("sample rows");
        assertThat(get("/api/jobs", basic("ops", PASSWORD)).body()).contains("\"name\" : \"pit-auth\"");
    }

    @Test
    void theScrapeTokenOpensMetricsOnly() throws Exception {
        HttpResponse<String> metrics = get("/metrics", "Bearer " + SCRAPE);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("parity_last_differences{job=\"pit-auth\"}");
        for (String path : List.of("/", "/api/jobs", REPORT)) {
            assertThat(get(path, "Bearer " + SCRAPE).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndHsts() throws Exception {
        for (String authorization : new String[] {null, "Bearer " + TOKEN}) {
            for (String path : List.of("/", REPORT, "/no-such-page")) {
                HttpResponse<String> r = get(path, authorization);
                assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                        .hasValue("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none';"
                                + " form-action 'none'; frame-ancestors 'none'");
                assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
                assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
                assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
                assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            }
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void secretsAreNeitherInTheProcessListNorInTheOutput() throws Exception {
        String cmdline = Files.readString(Path.of("/proc", String.valueOf(serve.pid()), "cmdline"), StandardCharsets.UTF_8);
        assertThat(cmdline).contains("serve").doesNotContain(TOKEN).doesNotContain(PASSWORD).doesNotContain(SCRAPE);
        assertThat(ParityProcess.read(dir.resolve("serve.log"))).doesNotContain(TOKEN).doesNotContain(PASSWORD)
                .doesNotContain(SCRAPE);
    }

    @Test
    void bindingBeyondLoopbackWithoutCredentialsIsRefusedInOneLineWritingNothing() throws Exception {
        Path work = Files.createDirectories(dir.resolve("open-bind"));
        Path log = dir.resolve("open-bind.log");
        Process p = ParityProcess.start(work, log, Map.of(), "serve", "--jobs", dir.resolve("jobs").toString(),
                "--bind", "0.0.0.0", "--port", "0");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(ParityProcess.read(log)).isEqualTo(2);
        assertThat(ParityProcess.read(log).lines().toList()).containsExactly("parity: --bind 0.0.0.0 would serve"
                + " reports to the network without credentials; set PARITY_SERVE_TOKEN (or --token-file FILE) or"
                + " PARITY_SERVE_USER and PARITY_SERVE_PASSWORD (or --password-file FILE), or bind to 127.0.0.1");
        try (var written = Files.list(work)) {
            assertThat(written).as("files written by a refused start").isEmpty();
        }
    }

    @Test
    void unusableOrMismatchedTlsFilesAreBadInputInOneLine() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not-a-cert.txt"), "hello\n");
        String jobs = dir.resolve("jobs").toString();
        CliRun garbage = CliRun.run(null, "serve", "--jobs", jobs, "--port", "0", "--tls-cert", notPem.toString(),
                "--tls-key", notPem.toString());
        assertThat(garbage.exitCode()).isEqualTo(2);
        assertThat(garbage.err().lines().toList()).hasSize(1);
        assertThat(garbage.err()).startsWith("parity: --tls-cert " + notPem + " and --tls-key " + notPem
                + " are not a PEM certificate and its unencrypted private key (");
        CliRun half = CliRun.run(null, "serve", "--jobs", jobs, "--port", "0", "--tls-cert", notPem.toString());
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).isEqualTo("parity: HTTPS needs both --tls-cert FILE and --tls-key FILE (or"
                + " PARITY_SERVE_TLS_CERT and PARITY_SERVE_TLS_KEY); only the certificate is given\n");
        CliRun missing = CliRun.run(null, "serve", "--jobs", jobs, "--port", "0", "--tls-cert",
                dir.resolve("nope.crt").toString(), "--tls-key", notPem.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read --tls-cert " + dir.resolve("nope.crt"));
        KeyStore other = TestCertificate.create(Files.createDirectories(dir.resolve("other")));
        Path otherKey = Files.writeString(dir.resolve("other.key"), pem("PRIVATE KEY",
                other.getKey("serve", TestCertificate.PASSWORD).getEncoded()));
        CliRun mismatched = CliRun.run(null, "serve", "--jobs", jobs, "--port", "0", "--tls-cert",
                dir.resolve("tls.crt").toString(), "--tls-key", otherKey.toString());
        assertThat(mismatched.exitCode()).isEqualTo(2);
        assertThat(mismatched.err()).isEqualTo("parity: --tls-key " + otherKey + " is not the private key of --tls-cert "
                + dir.resolve("tls.crt") + "; give the key the certificate was issued for\n");
    }

    private static HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static SSLContext trusting(Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("serve", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String awaitBaseUrl() throws Exception {
        return ParityProcess.await(serve, dir.resolve("serve.log"),
                Pattern.compile("page at (https://127\\.0\\.0\\.1:\\d+)/"));
    }

    /** A self-signed certificate for 127.0.0.1 made by the JDK's {@code keytool}, read back as a key store. */
    static final class TestCertificate {

        static final char[] PASSWORD = "changeit".toCharArray();

        static KeyStore create(Path dir) throws Exception {
            Path store = dir.resolve("serve.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "serve", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
            byte[] out = keytool.getInputStream().readAllBytes();
            assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(keytool.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            return keys;
        }
    }
}
