package io.parity.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpecRedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "  password: hunter2|  password: ******",
            "  password: \"s3cr#t\"|  password: ******",
            "  password: ${DST_PASSWORD}|  password: ${DST_PASSWORD}",
            "  password: \"${DST_PASSWORD:-}\"|  password: \"${DST_PASSWORD:-}\"",
            "  password: ${DST_PASSWORD:-fallback}|  password: ******",
            "  password: \"\"|  password: \"\"",
            "  password-file: /run/secrets/dst|  password-file: /run/secrets/dst",
            "  url: jdbc:mysql://h/db?user=a&password=xyz&ssl=1|  url: jdbc:mysql://h/db?user=a&password=******&ssl=1",
            "  url: jdbc:h2:file:x;PASSWORD=abc;MODE=MySQL|  url: jdbc:h2:file:x;PASSWORD=******;MODE=MySQL"})
    void literalPasswordsAreHiddenAndReferencesKept(String line, String expected) {
        assertThat(SpecRedaction.redact("name: x\n" + line + "\n")).isEqualTo("name: x\n" + expected + "\n");
    }
}
