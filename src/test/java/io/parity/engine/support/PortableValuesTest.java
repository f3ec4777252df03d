package io.parity.engine.support;

import io.parity.schema.ValueForm;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporal values in the portable form: the shapes read without the pattern give exactly what the pattern gives, for
 * those shapes, the near misses around them and every other shape, in both forms that treat them differently.
 */
class PortableValuesTest {

    private static final ValueForm DATETIME = new ValueForm(ValueForm.Kind.DATETIME, 6);
    private static final List<ValueForm> FORMS = List.of(ValueForm.AS_STORED, DATETIME,
            new ValueForm(ValueForm.Kind.TIME, 3));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-01-01|2024-01-01|2024-01-01 00:00:00",
            "2024-01-01 10:00:00|2024-01-01 10:00:00|2024-01-01 10:00:00",
            "2024-01-01T10:00:00.120000|2024-01-01 10:00:00.12|2024-01-01 10:00:00.12",
            "2024-01-01 10:00:00.000000|2024-01-01 10:00:00|2024-01-01 10:00:00",
            "2024-01-01 10:00:00.|2024-01-01 10:00:00|2024-01-01 10:00:00",
            "10:00:05.500|10:00:05.5|10:00:05.5",
            "2024-01-01 10:00|2024-01-01 10:00:00|2024-01-01 10:00:00",
            "2024-01-01 10:00:00+00|2024-01-01 10:00:00|2024-01-01 10:00:00",
            "838:59:59|838:59:59|838:59:59",
            "-10:00:00|-10:00:00|-10:00:00",
            "12345-01-01 00:00:00|12345-01-01 00:00:00|12345-01-01 00:00:00",
            "2024-01-01 10:00:00+02|2024-01-01 10:00:00+02|2024-01-01 10:00:00+02",
            "infinity|infinity|infinity"})
    void canonicalForms(String text, String asStored, String asDatetime) {
        assertThat(PortableValues.temporal(text, ValueForm.AS_STORED)).isEqualTo(asStored);
        assertThat(PortableValues.temporal(text, DATETIME)).isEqualTo(asDatetime);
        for (ValueForm form : FORMS) {
            assertThat(PortableValues.temporal(text, form)).isEqualTo(PortableValues.temporalByPattern(text, form));
        }
    }

    @ParameterizedTest
    @CsvSource({"2024-01-01", "2024-01-01 10:00:00", "2024-01-01T10:00:00.123456", "10:00:00", "10:00:00.1"})
    void theCommonShapesSkipThePattern(String text) {
        for (ValueForm form : FORMS) {
            assertThat(PortableValues.commonTemporal(text, form)).isNotNull()
                    .isEqualTo(PortableValues.temporalByPattern(text, form));
        }
    }

    @Property(tries = 20_000)
    void anyTextGivesWhatThePatternGives(@ForAll("temporalLike") String text) {
        for (ValueForm form : FORMS) {
            assertThat(PortableValues.temporal(text, form)).as(text)
                    .isEqualTo(PortableValues.temporalByPattern(text.trim(), form));
        }
    }

    @Property(tries = 2_000)
    void javaTimeValuesGiveWhatThePatternGives(@ForAll("instants") long seconds, @ForAll("nanos") int nanos) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        for (ValueForm form : FORMS) {
            assertThat(PortableValues.temporal(local, form))
                    .isEqualTo(PortableValues.temporalByPattern(local.toString(), form));
            assertThat(PortableValues.temporal(OffsetDateTime.of(local, ZoneOffset.ofHours(2)), form))
                    .isEqualTo(PortableValues.temporalByPattern(local.minusHours(2).toString(), form));
        }
    }

    @Provide
    Arbitrary<Long> instants() {
        return Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L);
    }

    @Provide
    Arbitrary<Integer> nanos() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(m -> m * 1_000_000),
                Arbitraries.integers().between(0, 999_999_999));
    }

    /** Dates, times and both, with the digits, separators, fractions and zones servers print, and near misses. */
    @Provide
    Arbitrary<String> temporalLike() {
        Arbitrary<String> digit = Arbitraries.strings().withCharRange('0', '9').ofLength(1);
        Arbitrary<String> year = Arbitraries.strings().withCharRange('0', '9').ofMinLength(3).ofMaxLength(5);
        Arbitrary<String> two = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> sign = Arbitraries.of("", "", "", "-");
        Arbitrary<String> date = Combinators.combine(sign, year, Arbitraries.of("-", "-", "-", "/"), two,
                Arbitraries.of("-", "-", ":"), two).as((s, y, a, m, b, d) -> s + y + a + m + b + d);
        Arbitrary<String> time = Combinators.combine(sign, two, Arbitraries.of(":", ":", ":", "."), two,
                Arbitraries.of("", ":", ":", ":", "."), two).as((s, h, c1, m, c2, x) -> s + h + c1 + m
                + (c2.isEmpty() ? "" : c2 + x));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                digit.list().ofMaxSize(10).map(ds -> "." + String.join("", ds)),
                Arbitraries.of(".0", ".000000", ".100", ".5", ".x"));
        Arbitrary<String> zone = Arbitraries.of("", "", "", "", "Z", "+00", "-00", "+00:00", "+0000", "+02", "-05:30",
                " ", "x");
        Arbitrary<String> separator = Arbitraries.of(" ", " ", "T", "", "  ", "t");
        Arbitrary<String> both = Combinators.combine(date, separator, time, fraction, zone)
                .as((d, s, t, f, z) -> d + s + t + f + z);
        Arbitrary<String> dateOnly = Combinators.combine(date, zone).as((d, z) -> d + z);
        Arbitrary<String> timeOnly = Combinators.combine(time, fraction, zone).as((t, f, z) -> t + f + z);
        Arbitrary<String> junk = Arbitraries.strings().withChars("0123456789-: .TZ+x").ofMaxLength(30);
        return Arbitraries.oneOf(both, both, dateOnly, timeOnly, timeOnly, junk);
    }
}
