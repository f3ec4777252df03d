package io.parity.report;

import io.parity.spec.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedHashTest {

    private static final String KEY = "a-mask-key-of-enough-length";
    private final KeyedHash hash = new KeyedHash(Secret.of(KEY));

    /** HMAC-SHA256 computed independently, truncated to 12 hex digits. */
    private static String expected(String key, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "hmac:" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "alice@example.com", "0x00ff10", "Zoë Ünïcødé ✓ 日本語 🙂", "trailing  "})
    void everyTextIsTheTruncatedHmacOfItsUtf8(String value) throws Exception {
        String masked = hash.of(value);
        assertThat(masked).isEqualTo(expected(KEY, value)).matches("hmac:[0-9a-f]{12}");
        if (!value.isBlank()) {
            assertThat(masked).doesNotContain(value.strip());
        }
    }

    @Test
    void nullStaysNullAndEmptyIsAValue() {
        assertThat(hash.of(null)).isNull();
        assertThat(hash.of("")).isNotEqualTo(hash.of(" ")).startsWith("hmac:");
    }

    @Test
    void equalValuesLookEqualAndDifferentOnesDoNot() {
        assertThat(hash.of("4111 1111 1111 1111")).isEqualTo(hash.of("4111 1111 1111 1111"))
                .isNotEqualTo(hash.of("4111 1111 1111 1112"));
        assertThat(hash.of("x")).as("another key, another mask")
                .isNotEqualTo(new KeyedHash(Secret.of("another-key-of-enough-length")).of("x"));
    }

    @Test
    void veryLongTextStaysShort() throws Exception {
        String longText = "ß".repeat(5_000_000);
        assertThat(hash.of(longText)).hasSize(17).isEqualTo(expected(KEY, longText));
    }

    @Test
    void binaryShownAsHexIsMaskedByThatText() throws Exception {
        byte[] bytes = {0, (byte) 0xff, 0x10};
        String display = SampleReader.display(new io.parity.schema.Column("b", 1, "varbinary(3)",
                io.parity.schema.ColumnKind.BINARY, true, null, null, false), bytes);
        assertThat(display).isEqualTo("0x00ff10");
        assertThat(hash.of(display)).isEqualTo(expected(KEY, "0x00ff10"));
    }

    @Test
    void theKeyIsNeverPrintedAndIsRequired() {
        assertThat(hash.toString()).doesNotContain(KEY);
        assertThatThrownBy(() -> new KeyedHash(Secret.none())).isInstanceOf(IllegalArgumentException.class);
    }
}
