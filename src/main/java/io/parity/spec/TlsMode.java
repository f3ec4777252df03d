package io.parity.spec;

import java.util.Locale;

/**
 * How strictly a connection to one endpoint is encrypted, in the words libpq uses. {@code required} and stronger never
 * fall back to plain text; {@code verify-ca} also checks the server's certificate against a CA, {@code verify-full}
 * also checks that the certificate names the host in the URL.
 */
public enum TlsMode {
    DISABLED, REQUIRED, VERIFY_CA, VERIFY_FULL;

    /** The mode as the spec spells it, such as {@code verify-full}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for every mode that refuses a plaintext connection. */
    public boolean encrypts() {
        return this != DISABLED;
    }

    /** True when the server's certificate is checked against a CA. */
    public boolean verifies() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** The mode spelled as in the spec, or null when the text is none of them. */
    static TlsMode parse(String text) {
        for (TlsMode mode : values()) {
            if (mode.spelling().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        return null;
    }
}
