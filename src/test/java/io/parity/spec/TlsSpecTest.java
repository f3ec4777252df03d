package io.parity.spec;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code tls:} block of an endpoint: modes, files relative to the spec, and what is refused. */
class TlsSpecTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("jobs/certs"));
        Files.writeString(dir.resolve("jobs/certs/ca.pem"), "ca");
        Files.writeString(dir.resolve("jobs/certs/client.pem"), "cert");
        Files.writeString(dir.resolve("jobs/certs/client.key"), "key");
    }

    private JobSpec load(String sourceUrl, String tls) throws IOException {
        Path file = dir.resolve("jobs/t.yml");
        Files.writeString(file, "source:\n  url: " + sourceUrl + "\n  user: u\n  password: p\n" + tls
                + "destination:\n  url: jdbc:mysql://h:3306/d\n  user: u\n  password: p\ntables: [t]\n");
        return new SpecLoader(Map.<String, String>of()::get).load(file);
    }

    private String problem(String sourceUrl, String tls) {
        ParityException e = catchThrowableOfType(ParityException.class, () -> load(sourceUrl, tls));
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
        return e.getMessage();
    }

    @Test
    void readsModeAndResolvesFilesAgainstTheSpecDirectory() throws Exception {
        JobSpec spec = load("jdbc:mysql://db:3306/shop", """
                  tls: { mode: verify-full, ca-file: certs/ca.pem, cert-file: certs/client.pem, key-file: certs/client.key }
                """);

        Tls tls = spec.source().tls();
        assertThat(tls.mode()).isEqualTo(TlsMode.VERIFY_FULL);
        assertThat(tls.caFile()).isEqualTo(dir.resolve("jobs/certs/ca.pem").toAbsolutePath());
        assertThat(tls.certFile()).isEqualTo(dir.resolve("jobs/certs/client.pem").toAbsolutePath());
        assertThat(tls.keyFile()).isEqualTo(dir.resolve("jobs/certs/client.key").toAbsolutePath());
        assertThat(spec.destination().tls().isSet()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:mem:x|{ mode: required }|source.tls.mode: H2 has no TLS",
            "jdbc:mysql://db/shop|{ mode: strict }|source.tls.mode: 'strict' is not a TLS mode",
            "jdbc:mysql://db/shop|{ ca-file: certs/ca.pem }|source.tls.mode: missing",
            "jdbc:mysql://db/shop|{ mode: verify-ca, ca-file: certs/none.pem }|source.tls.ca-file: cannot read 'certs/none.pem'",
            "jdbc:mysql://db/shop|{ mode: verify-ca, cert-file: certs/client.pem }|cert-file and key-file go together",
            "jdbc:mysql://db/shop?sslMode=REQUIRED|{ mode: required }|remove them from source.url",
            "jdbc:postgresql://db/shop?sslmode=require|{ mode: required }|remove them from source.url",
            "jdbc:mysql://db/shop|{ mode: disabled, ca-file: certs/ca.pem }|disabled, but files are given",
    })
    void refusesWithTheFieldAndTheFix(String url, String tls, String expected) {
        assertThat(problem(url, "  tls: " + tls + "\n")).contains(expected);
    }

    @Test
    void h2AcceptsDisabled() throws Exception {
        assertThat(load("jdbc:h2:mem:x", "  tls: { mode: disabled }\n").source().tls().mode())
                .isEqualTo(TlsMode.DISABLED);
    }
}
