package io.parity.report;

import io.parity.spec.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A value as a masked report shows it: {@code hmac:} and the first {@value #HEX_DIGITS} hex digits of the HMAC-SHA256
 * of its display text (UTF-8) under the mask key. Keyed, so a reader without the key cannot test guesses (a plain hash
 * of a birth date or a postcode is reversed by trying them all); deterministic, so equal values look equal across
 * both sides, tables and runs with the same key. 48 bits keep the text short; two different values of one report
 * look alike with a chance of about n²/2⁴⁹ for n distinct values (under 10⁻⁶ for 10,000).
 */
public final class KeyedHash {

    public static final String PREFIX = "hmac:";
    public static final int HEX_DIGITS = 12;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public KeyedHash(Secret key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a keyed hash needs a key");
        }
        this.key = new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The masked form of a display text; null (SQL NULL) stays null. */
    public String of(String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, HEX_DIGITS / 2);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHash[******]";
    }
}
