package io.parity.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Certificates made for one test run with the system's {@code openssl}: a CA, a server certificate it signs for
 * {@code localhost} only (so {@code 127.0.0.1} is a host name it does not name), a client certificate it signs, and an
 * unrelated CA that signed nothing here.
 * Keys are unencrypted PKCS#8 PEM, the form {@code openssl req -nodes} writes.
 */
final class TestCertificates {

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        TestCertificates certs = new TestCertificates(dir);
        certs.ca("ca", "parity-test-ca");
        certs.ca("other-ca", "parity-other-ca");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost\n");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        certs.signed("server", "localhost");
        certs.signed("client", "parity-client");
        return certs;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    Path dir() {
        return dir;
    }

    private void ca(String name, String subject) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + subject,
                "-keyout", name + "-key.pem", "-out", name + ".pem");
    }

    private void signed(String name, String subject) throws IOException, InterruptedException {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + subject,
                "-keyout", name + "-key.pem", "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "2", "-extfile", name + ".ext", "-out", name + "-cert.pem");
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed; see "
                    + dir.resolve("openssl.log"));
        }
    }
}
