package io.parity.connect;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.spec.Endpoint;
import io.parity.spec.Secret;
import io.parity.spec.Tls;
import io.parity.spec.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The spec's TLS modes as each driver's properties, and client keys in the form pgjdbc reads. */
class TlsPropertiesTest {

    @TempDir
    Path dir;

    private static Endpoint endpoint(String url, Tls tls) {
        return new Endpoint("destination", url, "u", Secret.of("p"), tls);
    }

    @ParameterizedTest
    @CsvSource({
            "DISABLED, jdbc:mysql://db/shop, sslMode, DISABLED",
            "REQUIRED, jdbc:mysql://db/shop, sslMode, REQUIRED",
            "VERIFY_CA, jdbc:mysql://db/shop, sslMode, VERIFY_CA",
            "VERIFY_FULL, jdbc:mysql://db/shop, sslMode, VERIFY_IDENTITY",
            "DISABLED, jdbc:postgresql://db/shop, sslmode, disable",
            "REQUIRED, jdbc:postgresql://db/shop, sslmode, require",
            "VERIFY_CA, jdbc:postgresql://db/shop, sslmode, verify-ca",
            "VERIFY_FULL, jdbc:postgresql://db/shop, sslmode, verify-full",
    })
    void modesInEachDriversWords(TlsMode mode, String url, String property, String value) {
        Map<String, String> props = TlsProperties.of(endpoint(url, new Tls(mode, null, null, null)));

        assertThat(props).containsExactly(Map.entry(property, value));
    }

    @Test
    void withoutATlsBlockOrOnH2NothingIsAdded() {
        assertThat(TlsProperties.of(endpoint("jdbc:mysql://db/shop", Tls.unset()))).isEmpty();
        assertThat(TlsProperties.of(endpoint("jdbc:h2:mem:x", new Tls(TlsMode.DISABLED, null, null, null)))).isEmpty();
    }

    @Test
    void postgresGetsTheCaAsIsAndAPemKeyAsPrivatePkcs8Der() throws Exception {
        byte[] der = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded();
        Path key = dir.resolve("client.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(der) + "\n-----END PRIVATE KEY-----\n");
        Tls tls = new Tls(TlsMode.VERIFY_FULL, dir.resolve("ca.pem"), dir.resolve("client.pem"), key);

        Map<String, String> props = TlsProperties.of(endpoint("jdbc:postgresql://db/shop", tls));

        assertThat(props).containsEntry("sslrootcert", dir.resolve("ca.pem").toString())
                .containsEntry("sslcert", dir.resolve("client.pem").toString());
        Path converted = Path.of(props.get("sslkey"));
        assertThat(Files.readAllBytes(converted)).isEqualTo(der);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(converted))).isEqualTo("rw-------");
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheConversionAndWithoutItsContent() throws Exception {
        Path key = dir.resolve("rsa.key");
        Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\nTUlJU0VDUkVU\n-----END RSA PRIVATE KEY-----\n");
        Tls tls = new Tls(TlsMode.VERIFY_CA, null, dir.resolve("client.pem"), key);

        ParityException e = catchThrowableOfType(ParityException.class,
                () -> TlsProperties.of(endpoint("jdbc:postgresql://db/other", tls)));

        assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
        assertThat(e.getMessage()).startsWith("destination.tls.key-file: ")
                .contains("openssl pkcs8 -topk8 -nocrypt").doesNotContain("TUlJU0VDUkVU");
    }
}
