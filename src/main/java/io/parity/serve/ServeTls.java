package io.parity.serve;

import io.parity.core.ParityException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
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
        PemSslStoreBundle stores;
        KeyStore keys;
        try {
            stores = new PemSslStoreBundle(PemSslStoreDetails.forCertificates(certificatePem).withPrivateKey(keyPem), null);
            keys = stores.getKeyStore();
        } catch (RuntimeException e) {
            throw ParityException.badInput("--tls-cert " + certificate + " and --tls-key " + key + " are not a PEM"
                    + " certificate and its unencrypted private key (" + firstLine(e) + "); give both in PEM form");
        }
        if (!matches(keys, stores.getKeyStorePassword())) {
            throw ParityException.badInput("--tls-key " + key + " is not the private key of --tls-cert " + certificate
                    + "; give the key the certificate was issued for");
        }
        return SslBundle.of(stores).createSslContext();
    }

    /**
     * A key that does not belong to the certificate would only show as failed handshakes in every client; signing a
     * few bytes with it and verifying them with the certificate's public key finds it at start.
     */
    private static boolean matches(KeyStore store, String password) {
        try {
            String alias = store.aliases().nextElement();
            PrivateKey privateKey = (PrivateKey) store.getKey(alias, password == null ? null : password.toCharArray());
            return signs(privateKey, store.getCertificate(alias).getPublicKey());
        } catch (GeneralSecurityException e) { // e.g. an RSA key for an EC certificate
            return false;
        }
    }

    private static boolean signs(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> privateKey.getAlgorithm(); // Ed25519, Ed448: the key's algorithm is the signature's
        };
        byte[] probe = "parity serve".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
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
