package io.parity.engine.mysql;

import io.parity.core.HashAlgorithm;
import io.parity.core.RowHasher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java twin of the server's DECIMAL trim ({@code IF(LOCATE('.', t) > 0, TRIM(TRAILING '.' FROM TRIM(TRAILING '0'
 * FROM t)), t)}); {@code RowEncodingIT} checks it against the server on every case.
 */
class TrimmedDecimalsTest {

    private static String trimmed(String text) {
        byte[] b = ("##" + text + "#").getBytes(StandardCharsets.US_ASCII);
        return new String(b, 2, MySqlEncoding.trimmedDecimalLength(b, 2, text.length()), StandardCharsets.US_ASCII);
    }

    @Test
    void trailingFractionalZerosAndThenThePointGoAndIntegersStayWhole() {
        assertThat(trimmed("1.50")).isEqualTo("1.5");
        assertThat(trimmed("2.00")).isEqualTo("2");
        assertThat(trimmed("0.00")).isEqualTo("0");
        assertThat(trimmed("-0.50")).isEqualTo("-0.5");
        assertThat(trimmed("-100.000")).isEqualTo("-100");
        assertThat(trimmed("100")).isEqualTo("100");
        assertThat(trimmed("-10")).isEqualTo("-10");
        assertThat(trimmed("0")).isEqualTo("0");
        assertThat(trimmed("12345678901234567890.000000000000000000000000000001"))
                .isEqualTo("12345678901234567890.000000000000000000000000000001");
        assertThat(trimmed("")).isEqualTo("");
    }

    @Test
    void aSinkTrimsOnlyTheMarkedColumnsAndHashesAsIfTheServerHadTrimmed() {
        RowHasher direct = new RowHasher(HashAlgorithm.CRC64);
        direct.beginRow();
        direct.value("1.50".getBytes(StandardCharsets.US_ASCII));
        direct.value("1.5".getBytes(StandardCharsets.US_ASCII));
        direct.nullValue();
        direct.value("7".getBytes(StandardCharsets.US_ASCII));
        direct.endRow();

        RowHasher hasher = new RowHasher(HashAlgorithm.CRC64);
        var sink = TrimmedDecimals.of(hasher, new boolean[]{false, true, true, true});
        sink.beginRow();
        sink.value("1.50".getBytes(StandardCharsets.US_ASCII));
        sink.value("1.5000".getBytes(StandardCharsets.US_ASCII));
        sink.nullValue();
        sink.value("7.00".getBytes(StandardCharsets.US_ASCII));
        sink.endRow();
        assertThat(hasher.result()).isEqualTo(direct.result());
    }
}
