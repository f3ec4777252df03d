package io.parity.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyCodecTest {

    private static final BigInteger U64_MAX = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    static Stream<Arguments> singleValues() {
        return Stream.of(
                Arguments.of(0L),
                Arguments.of(42L),
                Arguments.of(-1L),
                Arguments.of(Long.MIN_VALUE),
                Arguments.of(Long.MAX_VALUE),
                Arguments.of(U64_MAX),
                Arguments.of(BigInteger.valueOf(-5)),
                Arguments.of(new BigDecimal("1.50")),
                Arguments.of(new BigDecimal("-0.000100")),
                Arguments.of(new BigDecimal("12345678901234567890.123456789")),
                Arguments.of(0.1d),
                Arguments.of(-0.0d),
                Arguments.of(Double.MAX_VALUE),
                Arguments.of(Double.MIN_VALUE),
                Arguments.of(1.0e-300d),
                Arguments.of("abc"),
                Arguments.of(""),
                Arguments.of("S:not a tag"),
                Arguments.of("it's \"quoted\" \\ back"),
                Arguments.of("a,b:c;d[e]{f}"),
                Arguments.of("ünïcödé 日本語"),
                Arguments.of("emoji 😀👍🏽"),
                Arguments.of("tab\tnew\nline\u0000nul"),
                Arguments.of("2026-01-01 00:00:00.000001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleValues")
    void roundTripsValueWithItsTypeAndScale(Object value) {
        KeyValues decoded = KeyCodec.decode(KeyCodec.encode(KeyValues.of(value)));

        assertThat(decoded.size()).isEqualTo(1);
        assertThat(decoded.get(0)).isInstanceOf(value.getClass()).isEqualTo(value);
        assertThat(decoded).isEqualTo(KeyValues.of(value));
    }

    @Test
    void bigDecimalKeepsItsScale() {
        BigDecimal decoded = (BigDecimal) KeyCodec.decode(KeyCodec.encode(KeyValues.of(new BigDecimal("1.50")))).get(0);

        assertThat(decoded.scale()).isEqualTo(2);
        assertThat(decoded.toPlainString()).isEqualTo("1.50");
    }

    @Test
    void bytesRoundTripIncludingZeroAndFf() {
        byte[] bytes = {0x00, (byte) 0xff, 0x7f, (byte) 0x80, 0x00};

        KeyValues decoded = KeyCodec.decode(KeyCodec.encode(KeyValues.of((Object) bytes)));

        assertThat((byte[]) decoded.get(0)).containsExactly(bytes);
    }

    @Test
    void emptyBytesRoundTrip() {
        KeyValues decoded = KeyCodec.decode(KeyCodec.encode(KeyValues.of((Object) new byte[0])));

        assertThat((byte[]) decoded.get(0)).isEmpty();
    }

    @Test
    void encodesEachValueWithItsTypeTag() {
        KeyValues key = KeyValues.of(42L, "abc", new byte[] {0x00, (byte) 0xff}, new BigDecimal("1.50"), U64_MAX, 0.1d);

        assertThat(KeyCodec.encode(key))
                .isEqualTo("[\"L:42\",\"S:abc\",\"X:00ff\",\"D:1.50\",\"I:18446744073709551615\",\"F:0.1\"]");
    }

    @Test
    void compositeKeyRoundTripsInOrder() {
        KeyValues key = KeyValues.of(Long.MIN_VALUE, "a,\"b\":c", new byte[] {(byte) 0xff, 0x00}, new BigDecimal("0.10"),
                U64_MAX, 2.5d);

        KeyValues decoded = KeyCodec.decode(KeyCodec.encode(key));

        assertThat(decoded).isEqualTo(key);
        assertThat(decoded.get(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(decoded.get(1)).isEqualTo("a,\"b\":c");
        assertThat((byte[]) decoded.get(2)).containsExactly(0xff, 0x00);
        assertThat(((BigDecimal) decoded.get(3)).scale()).isEqualTo(2);
        assertThat(decoded.get(4)).isEqualTo(U64_MAX);
        assertThat(decoded.get(5)).isEqualTo(2.5d);
    }

    @Test
    void longAndBigIntegerOfSameNumberStayDistinct() {
        assertThat(KeyCodec.decode(KeyCodec.encode(KeyValues.of(7L))).get(0)).isInstanceOf(Long.class);
        assertThat(KeyCodec.decode(KeyCodec.encode(KeyValues.of(BigInteger.valueOf(7)))).get(0))
                .isInstanceOf(BigInteger.class);
    }

    @Test
    void nullKeyEncodesAsEmptyText() {
        assertThat(KeyCodec.encode(null)).isEqualTo("");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullOrEmptyTextDecodesToNull(String text) {
        assertThat(KeyCodec.decode(text)).isNull();
    }

    @Test
    void keyWithoutValuesRoundTrips() {
        String text = KeyCodec.encode(KeyValues.of());

        assertThat(text).isEqualTo("[]");
        assertThat(KeyCodec.decode(text).size()).isZero();
    }

    @Test
    void rejectsUnsupportedValueType() {
        assertThatThrownBy(() -> KeyCodec.encode(KeyValues.of(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer");
    }

    @Test
    void rejectsUnknownTag() {
        assertThatThrownBy(() -> KeyCodec.decode("[\"Q:1\"]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Q:1");
    }
}
