package io.parity.connect;

import io.parity.core.ParityException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files turned into what a driver reads: Connector/J takes only key stores, and pgjdbc 42.7.11 reads a client key
 * only as PKCS#8 DER. What is written goes to files readable by the owner only, deleted when the process ends; store
 * passwords are random and live in memory only. Messages name the spec field, never a key's content.
 */
final class PemFiles {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A PKCS#12 store written to a private temporary file, with its password. */
    record Store(Path file, String password) {
        String url() {
            return file.toUri().toString();
        }
    }

    private PemFiles() {
    }

    /** A trust store holding every certificate of the CA file. */
    static Store trustStore(Path caFile, String field) {
        try {
            KeyStore store = emptyStore();
            List<Certificate> certificates = certificates(caFile, field);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            return write(store);
        } catch (GeneralSecurityException | IOException e) {
            throw ParityException.badInput(field + ": cannot build a trust store (" + e.getClass().getSimpleName()
                    + "); point it at the CA certificate in PEM");
        }
    }

    /** A key store holding the client key with its certificate chain. */
    static Store keyStore(Path certFile, Path keyFile, String field) {
        try {
            KeyStore store = emptyStore();
            String password = password();
            store.setKeyEntry("client", privateKey(keyFile, field), password.toCharArray(),
                    certificates(certFile, field + ".cert-file").toArray(Certificate[]::new));
            return write(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw ParityException.badInput(field + ": cannot build a client key store (" + e.getClass().getSimpleName()
                    + "); check that cert-file and key-file are a matching PEM certificate and PKCS#8 key");
        }
    }

    /** The key file as PKCS#8 DER in a private temporary file; a file that is already DER is used as it is. */
    static Path derKey(Path keyFile, String field) {
        try {
            byte[] der = pkcs8(keyFile, field);
            if (der == null) {
                return keyFile;
            }
            Path file = privateFile(".pk8");
            Files.write(file, der);
            return file;
        } catch (IOException e) {
            throw ParityException.badInput(field + ": cannot read the key (" + e.getClass().getSimpleName()
                    + "); point it at a readable PKCS#8 key");
        }
    }

    private static List<Certificate> certificates(Path file, String field)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> list = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (list.isEmpty()) {
                throw ParityException.badInput(field + ": no certificate in '" + file.getFileName()
                        + "'; point it at a PEM file with '-----BEGIN CERTIFICATE-----'");
            }
            return list;
        }
    }

    private static PrivateKey privateKey(Path keyFile, String field) throws IOException, GeneralSecurityException {
        byte[] der = pkcs8(keyFile, field);
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der == null ? Files.readAllBytes(keyFile) : der);
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The DER bytes of a PEM PKCS#8 key, or null when the file is not PEM (then it is taken as DER). */
    private static byte[] pkcs8(Path keyFile, String field) throws IOException {
        byte[] bytes = Files.readAllBytes(keyFile);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN")) {
            return null;
        }
        Matcher m = PKCS8.matcher(text);
        if (!m.find()) {
            throw ParityException.badInput(field + ": the key is not an unencrypted PKCS#8 PEM key; convert it with"
                    + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pk8.pem'");
        }
        return Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Store write(KeyStore store) throws GeneralSecurityException, IOException {
        return write(store, password());
    }

    private static Store write(KeyStore store, String password) throws GeneralSecurityException, IOException {
        Path file = privateFile(".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return new Store(file, password);
    }

    private static Path privateFile(String suffix) throws IOException {
        Path file = Files.createTempFile("parity-tls-", suffix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        file.toFile().deleteOnExit();
        return file;
    }

    private static String password() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
