package io.parity.spec;

import java.nio.file.Path;

/**
 * TLS to one endpoint as the spec's {@code tls:} block gives it. Files are resolved against the spec's directory, like
 * {@code password-file}. The key file is a secret: its path may be shown, its content never.
 *
 * @param mode     null when the spec has no {@code tls:} block: the driver's own defaults and URL parameters apply
 * @param caFile   the CA certificate (PEM) that signed the server's certificate, or null for the JVM's trusted CAs
 * @param certFile the client certificate (PEM), or null
 * @param keyFile  the client's private key (PEM, PKCS#8), or null
 */
public record Tls(TlsMode mode, Path caFile, Path certFile, Path keyFile) {

    private static final Tls UNSET = new Tls(null, null, null, null);

    /** No {@code tls:} block. */
    public static Tls unset() {
        return UNSET;
    }

    public boolean isSet() {
        return mode != null;
    }

    /** True when a plaintext connection must be refused. */
    public boolean encrypts() {
        return mode != null && mode.encrypts();
    }
}
