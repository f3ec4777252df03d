package io.parity.serve;

import io.parity.core.ParityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeCredentialsTest {

    private static final ServeCredentials.Sources NO_FILES = new ServeCredentials.Sources(null, null, null, null);

    @TempDir
    Path dir;

    @Test
    void nothingConfiguredMeansAnOpenServer() {
        assertThat(resolve(Map.of(), NO_FILES).any()).isFalse();
    }

    @Test
    void secretsComeFromTheEnvironmentOrFilesAndAreStripped() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "s3cret\n");
        Path password = Files.writeString(dir.resolve("password"), "pw\n");
        ServeCredentials c = resolve(Map.of("PARITY_SERVE_USER", "ops", "PARITY_SERVE_METRICS_TOKEN", "scrape"),
                new ServeCredentials.Sources(null, token, password, null));
        assertThat(c.token().reveal()).isEqualTo("s3cret");
        assertThat(c.user()).isEqualTo("ops");
        assertThat(c.password().reveal()).isEqualTo("pw");
        assertThat(c.metricsToken().reveal()).isEqualTo("scrape");
        assertThat(c.toString()).doesNotContain("s3cret").doesNotContain("pw,").doesNotContain("scrape");
        assertThat(resolve(Map.of("PARITY_SERVE_TOKEN", "t"), NO_FILES).any()).isTrue();
    }

    @Test
    void ambiguousOrIncompleteCredentialsAreBadInputNamingTheFix() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "x");
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertBad(Map.of("PARITY_SERVE_TOKEN", "t"), new ServeCredentials.Sources(null, token, null, null),
                "PARITY_SERVE_TOKEN and --token-file are both set; keep one");
        assertBad(Map.of(), new ServeCredentials.Sources(null, empty, null, null), "--token-file " + empty + " is empty");
        assertBad(Map.of("PARITY_SERVE_TOKEN", ""), NO_FILES, "PARITY_SERVE_TOKEN is set but empty");
        assertBad(Map.of(), new ServeCredentials.Sources(null, dir.resolve("missing"), null, null),
                "cannot read --token-file " + dir.resolve("missing"));
        assertBad(Map.of("PARITY_SERVE_USER", "ops"), NO_FILES, "serve user 'ops' has no password; set PARITY_SERVE_PASSWORD");
        assertBad(Map.of("PARITY_SERVE_PASSWORD", "pw"), NO_FILES, "a serve password is set without a user");
        assertBad(Map.of("PARITY_SERVE_PASSWORD", "pw"), new ServeCredentials.Sources("a:b", null, null, null),
                "contains ':'");
        assertBad(Map.of("PARITY_SERVE_METRICS_TOKEN", "m"), NO_FILES, "only adds a scrape token for /metrics");
    }

    @Test
    void bindingBeyondLoopbackNeedsCredentials() {
        ServeProtection open = new ServeProtection(resolve(Map.of(), NO_FILES), null);
        for (String loopback : new String[] {"127.0.0.1", "::1", "localhost", "127.0.0.2"}) {
            assertThat(open.requireCredentialsBeyondLoopback(loopback)).isSameAs(open);
        }
        assertThatThrownBy(() -> open.requireCredentialsBeyondLoopback("0.0.0.0")).isInstanceOf(ParityException.class)
                .hasMessage("--bind 0.0.0.0 would serve reports to the network without credentials; set"
                        + " PARITY_SERVE_TOKEN (or --token-file FILE) or PARITY_SERVE_USER and PARITY_SERVE_PASSWORD"
                        + " (or --password-file FILE), or bind to 127.0.0.1");
        ServeProtection guarded = new ServeProtection(resolve(Map.of("PARITY_SERVE_TOKEN", "t"), NO_FILES), null);
        assertThat(guarded.requireCredentialsBeyondLoopback("0.0.0.0")).isSameAs(guarded);
    }

    private static ServeCredentials resolve(Map<String, String> env, ServeCredentials.Sources files) {
        return ServeCredentials.resolve(env::get, files);
    }

    private static void assertBad(Map<String, String> env, ServeCredentials.Sources files, String message) {
        assertThatThrownBy(() -> resolve(env, files)).isInstanceOf(ParityException.class).hasMessageContaining(message);
    }
}
