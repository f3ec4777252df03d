package io.parity.serve;

import io.parity.spec.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ServeAuthenticatorTest {

    private final ServeAuthenticator auth = new ServeAuthenticator(new ServeCredentials(Secret.of("t0ken"), "ops",
            Secret.of("pa:ss"), Secret.of("scrape")));

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "Bearer t0ken,          /,              token",
            "bearer t0ken,          /api/jobs,      token",
            "Bearer t0ken,          /metrics,       token",
            "Bearer t0ken0,         /,              none",
            "Bearer t0ke,           /,              none",
            "Bearer,                /,              none",
            "none,                  /,              none",
            "Bearer scrape,         /metrics,       metrics",
            "Bearer scrape,         /,              none",
            "Bearer scrape,         /metrics/../,   none",
            "Bearer scrape,         /reports/a.sql, none",
            "Basic ops:pa:ss,       /reports/x,     ops",
            "Basic ops:pa:sS,       /,              none",
            "Basic Ops:pa:ss,       /,              none",
            "Basic ops,             /,              none",
            "Basic t0ken,           /,              none",
            "Token t0ken,           /,              none"})
    void acceptsOnlyTheConfiguredSecretsWhereTheyApply(String header, String path, String expected) {
        assertThat(auth.principal(encode(header), path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Basic !!!notbase64", "Basic "})
    void malformedBasicHeadersProveNothing(String header) {
        assertThat(auth.principal(header, "/")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"Basic ops:pa:ss", "Bearer scrape"})
    void aTokenOnlyServerAcceptsNoBasicAuthAndNoScrapeToken(String header) {
        ServeAuthenticator tokenOnly = new ServeAuthenticator(new ServeCredentials(Secret.of("t0ken"), "",
                Secret.none(), Secret.none()));
        assertThat(tokenOnly.principal(encode(header), "/metrics")).isNull();
        assertThat(tokenOnly.principal("Bearer t0ken", "/metrics")).isEqualTo("token");
    }

    /** Writes a basic-auth pair as the client sends it, in base64. */
    private static String encode(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return header;
        }
        return "Basic " + Base64.getEncoder().encodeToString(header.substring(6).getBytes(StandardCharsets.UTF_8));
    }
}
