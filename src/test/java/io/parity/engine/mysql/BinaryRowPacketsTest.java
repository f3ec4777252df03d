package io.parity.engine.mysql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Binary-protocol integers as keys: every width, both signs, and the values that cannot be a {@code long}. */
class BinaryRowPacketsTest {

    static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    @Test
    void decodesEveryIntegerWidthWithItsSignedness() {
        for (int n : new int[] {1, 2, 4, 8}) {
            long max = n == 8 ? Long.MAX_VALUE : (1L << (8 * n - 1)) - 1;
            long min = n == 8 ? Long.MIN_VALUE + 1 : -(1L << (8 * n - 1));
            for (long v : new long[] {0, 1, -1, max, min, 42, -42}) {
                assertThat(BinaryRowPackets.integer(le(v, n), 0, n, false)).as("signed %d bytes %d", n, v).isEqualTo(v);
            }
            if (n < 8) {
                long umax = (1L << (8 * n)) - 1;
                assertThat(BinaryRowPackets.integer(le(umax, n), 0, n, true)).as("unsigned max %d bytes", n).isEqualTo(umax);
                assertThat(BinaryRowPackets.integer(le(umax, n), 0, n, false)).as("signed -1, %d bytes", n).isEqualTo(-1);
            }
        }
        byte[] padded = {9, 0x34, 0x12, 9};
        assertThat(BinaryRowPackets.integer(padded, 1, 2, false)).isEqualTo(0x1234);
    }

    @Test
    void valuesThatAreNotLongsAreMarked() {
        long marker = Long.MIN_VALUE;
        assertThat(BinaryRowPackets.integer(le(-1, 8), 0, 8, true)).as("2^64 - 1 unsigned").isEqualTo(marker);
        assertThat(BinaryRowPackets.integer(le(Long.MIN_VALUE, 8), 0, 8, true)).as("2^63 unsigned").isEqualTo(marker);
        assertThat(BinaryRowPackets.integer(le(Long.MAX_VALUE, 8), 0, 8, true)).isEqualTo(Long.MAX_VALUE);
        assertThat(BinaryRowPackets.integer(new byte[3], 0, 3, false)).as("no such width").isEqualTo(marker);
    }
}
