package io.parity.core;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyValuesTest {

    @Test
    void equalByByteContent() {
        KeyValues a = KeyValues.of(1L, new byte[] {0x01, (byte) 0xff});
        KeyValues b = KeyValues.of(1L, new byte[] {0x01, (byte) 0xff});

        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }

    @Test
    void differentByteContentIsNotEqual() {
        assertThat(KeyValues.of((Object) new byte[] {0x01})).isNotEqualTo(KeyValues.of((Object) new byte[] {0x02}));
        assertThat(KeyValues.of((Object) new byte[] {0x01})).isNotEqualTo(KeyValues.of((Object) new byte[] {0x01, 0x00}));
    }

    @Test
    void differentSizeOrValueIsNotEqual() {
        assertThat(KeyValues.of(1L)).isNotEqualTo(KeyValues.of(1L, 2L));
        assertThat(KeyValues.of(1L, 2L)).isNotEqualTo(KeyValues.of(2L, 1L));
        assertThat(KeyValues.of(new BigDecimal("1.5"))).isNotEqualTo(KeyValues.of(new BigDecimal("1.50")));
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] original = {0x01, 0x02};
        KeyValues key = KeyValues.of((Object) original);

        original[0] = 0x7f;
        ((byte[]) key.get(0))[1] = 0x7f;
        ((byte[]) key.toList().get(0))[1] = 0x7f;

        assertThat((byte[]) key.get(0)).containsExactly(0x01, 0x02);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> KeyValues.of(1L, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyValues.of(Arrays.asList("a", null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsBinaryInHex() {
        assertThat(KeyValues.of(7L, "x", new byte[] {0x00, (byte) 0xab})).hasToString("(7, x, 0x00ab)");
    }
}
