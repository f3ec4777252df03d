package io.parity.reconcile;

import io.parity.core.KeyValues;
import io.parity.core.RowImage;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyOrderTest {

    private static final Column INT = new Column("id", 1, "bigint", ColumnKind.INTEGER, false, null, null, false);
    private static final Column DEC = new Column("amount", 1, "decimal(10,2)", ColumnKind.DECIMAL, false, null, null, false);
    private static final Column BIN = new Column("uuid", 1, "binary(16)", ColumnKind.BINARY, false, null, null, false);
    private static final Column DATE = new Column("day", 1, "date", ColumnKind.TEMPORAL, false, null, null, false);
    private static final Column CI = new Column("code", 1, "varchar(8)", ColumnKind.TEXT, false, "utf8mb4",
            "utf8mb4_general_ci", false);
    private static final BigInteger U64_MAX = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    private static RowImage key(Object... values) {
        return new RowImage(KeyValues.of(values), new byte[values.length][], new byte[0][]);
    }

    private static RowImage weighted(String value, byte[] weight) {
        return new RowImage(KeyValues.of(value), new byte[][] {weight}, new byte[0][]);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(1L, 2L, -1),
                Arguments.of(2L, 1L, 1),
                Arguments.of(-1L, 1L, -1),
                Arguments.of(Long.MIN_VALUE, Long.MAX_VALUE, -1),
                Arguments.of(5L, 5L, 0),
                Arguments.of(5L, BigInteger.valueOf(5), 0),
                Arguments.of(BigInteger.valueOf(5), 5L, 0),
                Arguments.of(Long.MAX_VALUE, U64_MAX, -1),
                Arguments.of(U64_MAX, Long.MAX_VALUE, 1),
                Arguments.of(-1L, U64_MAX, -1),
                Arguments.of(5L, new BigDecimal("5.00"), 0),
                Arguments.of(new BigDecimal("1.5"), new BigDecimal("1.50"), 0),
                Arguments.of(new BigDecimal("1.49"), new BigDecimal("1.5"), -1),
                Arguments.of(new BigDecimal("10"), new BigDecimal("9.99"), 1),
                Arguments.of(BigInteger.TEN, new BigDecimal("10.5"), -1),
                Arguments.of(1.5d, new BigDecimal("1.5"), 0),
                Arguments.of(0.1d, 0.2d, -1),
                Arguments.of(new byte[] {0x7f}, new byte[] {(byte) 0x80}, -1),
                Arguments.of(new byte[] {(byte) 0xff}, new byte[] {0x00}, 1),
                Arguments.of(new byte[] {0x01}, new byte[] {0x01, 0x00}, -1),
                Arguments.of(new byte[] {0x01, 0x02}, new byte[] {0x01, 0x02}, 0),
                Arguments.of("2024-01-02", "2024-01-10", -1),
                Arguments.of("2024-01-10", "2024-01-10", 0));
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @MethodSource("values")
    void comparesUncollatedValues(Object a, Object b, int expectedSign) {
        assertThat(Integer.signum(KeyOrder.compareValues(a, b))).isEqualTo(expectedSign);
    }

    @Test
    void integerKeyComparesNumerically() {
        KeyOrder order = new KeyOrder(List.of(INT));

        assertThat(order.compare(key(9L), key(10L))).isNegative();
        assertThat(order.compare(key(10L), key(BigInteger.TEN))).isZero();
        assertThat(order.compare(key(U64_MAX), key(-1L))).isPositive();
    }

    @Test
    void decimalKeyIgnoresScale() {
        KeyOrder order = new KeyOrder(List.of(DEC));

        assertThat(order.compare(key(new BigDecimal("2.50")), key(new BigDecimal("2.5")))).isZero();
        assertThat(order.compare(key(new BigDecimal("2.49")), key(new BigDecimal("2.5")))).isNegative();
    }

    @Test
    void binaryKeyComparesUnsigned() {
        KeyOrder order = new KeyOrder(List.of(BIN));

        assertThat(order.compare(key((Object) new byte[] {0x7f}), key((Object) new byte[] {(byte) 0x80}))).isNegative();
    }

    @Test
    void temporalKeyComparesByText() {
        KeyOrder order = new KeyOrder(List.of(DATE));

        assertThat(order.compare(key("2023-12-31"), key("2024-01-01"))).isNegative();
    }

    @Test
    void collatedTextUsesWeightsUnsigned() {
        KeyOrder order = new KeyOrder(List.of(CI));

        assertThat(order.compare(weighted("a", new byte[] {0x7f}), weighted("b", new byte[] {(byte) 0x80}))).isNegative();
        assertThat(order.compare(weighted("a", new byte[] {(byte) 0x80}), weighted("b", new byte[] {0x7f}))).isPositive();
    }

    @Test
    void collatedTextWithEqualWeightsIsSameKeyEvenIfValuesDiffer() {
        KeyOrder order = new KeyOrder(List.of(CI));

        assertThat(order.compare(weighted("abc", new byte[] {0x41, 0x42, 0x43}),
                weighted("ABC", new byte[] {0x41, 0x42, 0x43}))).isZero();
    }

    @Test
    void collatedTextIgnoresValueOrderWhenWeightsDisagree() {
        KeyOrder order = new KeyOrder(List.of(CI));

        // "a" < "b" as Java strings, but the weights say otherwise
        assertThat(order.compare(weighted("a", new byte[] {0x02}), weighted("b", new byte[] {0x01}))).isPositive();
    }

    @Test
    void textWithoutCollationComparesValues() {
        Column plain = new Column("code", 1, "varchar(8)", ColumnKind.TEXT, false, null, null, false);
        KeyOrder order = new KeyOrder(List.of(plain));

        assertThat(order.compare(key("a"), key("b"))).isNegative();
        assertThat(order.compare(key("B"), key("a"))).isNegative();
    }

    @Test
    void compositeKeyComparesColumnsLeftToRight() {
        KeyOrder order = new KeyOrder(List.of(INT, CI, BIN));
        RowImage a = new RowImage(KeyValues.of(1L, "x", new byte[] {0x01}),
                new byte[][] {null, {0x10}, null}, new byte[0][]);
        RowImage sameButCase = new RowImage(KeyValues.of(1L, "X", new byte[] {0x01}),
                new byte[][] {null, {0x10}, null}, new byte[0][]);
        RowImage laterThirdColumn = new RowImage(KeyValues.of(1L, "x", new byte[] {(byte) 0x90}),
                new byte[][] {null, {0x10}, null}, new byte[0][]);
        RowImage laterSecondColumn = new RowImage(KeyValues.of(1L, "a", new byte[] {0x00}),
                new byte[][] {null, {0x11}, null}, new byte[0][]);
        RowImage laterFirstColumn = new RowImage(KeyValues.of(2L, "a", new byte[] {0x00}),
                new byte[][] {null, {0x00}, null}, new byte[0][]);

        assertThat(order.compare(a, sameButCase)).isZero();
        assertThat(order.compare(a, laterThirdColumn)).isNegative();
        assertThat(order.compare(laterThirdColumn, laterSecondColumn)).isNegative();
        assertThat(order.compare(laterSecondColumn, laterFirstColumn)).isNegative();
        assertThat(order.compare(laterFirstColumn, a)).isPositive();
    }

    @Test
    void rejectsIncomparableValues() {
        assertThatThrownBy(() -> KeyOrder.compareValues("1", 1L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> KeyOrder.compareValues(new byte[] {1}, "1")).isInstanceOf(IllegalStateException.class);
    }

    /** Key byte order: the order of UTF-8 bytes, whatever the collation; checked against Java's own UTF-8 bytes. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"a, b", "A, a", "Z, a", "'a', 'a '", "'a\t', 'a '", "ss, ß",
            "Caesar, Cæsar", "e, é", "\uFFFD, \uD83D\uDE00", "\uE000, \uD800\uDC00", "日本, 😀"})
    void keyBytesOrderIsTheOrderOfUtf8Bytes(String a, String b) {
        KeyOrder order = KeyOrder.byKeyBytes(List.of(CI));
        assertThat(java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8))).as("fixture").isNegative();
        assertThat(order.compare(weighted(a, new byte[] {1}), weighted(b, new byte[] {1}))).isNegative();
        assertThat(order.compare(weighted(b, new byte[] {1}), weighted(a, new byte[] {1}))).isPositive();
        assertThat(order.compare(weighted(a, new byte[] {2}), weighted(a, new byte[] {1}))).as("weights ignored").isZero();
    }

    @Test
    void keyBytesOrderTellsApartKeysACaseInsensitiveCollationEquates() {
        KeyOrder order = KeyOrder.byKeyBytes(List.of(INT, CI));
        assertThat(order.compare(key(1L, "a"), key(1L, "A"))).isPositive();
        assertThat(order.compare(key(1L, "b"), key(2L, "a"))).isNegative();
        assertThat(order.compare(key(2L, "é"), key(2L, "é"))).isZero();
    }
}
