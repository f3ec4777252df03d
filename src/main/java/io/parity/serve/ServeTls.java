package io.parity.serve;

import io.parity.core.ParityException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * The TLS context of {@code parity serve} from a PEM certificate (or chain, leaf first) and its private key, read with
 * Spring Boot's PEM support (PKCS#8, PKCS#1 and EC keys) rather than a parser of our own.
 */
public final class ServeTls {

    private ServeTls() {
    }

    public static SSLContext context(Path certificate, Path key) {
        String certificatePem = read(certificate, "--tls-cert");
        String keyPem = read(key, "--tls-key");
        try {
            PemSslStoreDetails details = PemSslStoreDetails.forCertificates(certificatePem).withPrivateKey(keyPem);
            return SslBundle.of(new PemSslStoreBundle(details, null)).createSslContext();
        } catch (RuntimeException e) {
            throw ParityException.badInput("--tls-cert " + certificate + " and --tls-key " + key + " are not a PEM"
                    + " certificate and its unencrypted private key (" + firstLine(e) + "); give both in PEM form");
        }
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ParityException.badInput("cannot read " + option + " " + file + "; point it at a readable PEM file");
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse(root.getClass().getSimpleName());
    }
}
