package io.parity.chunk;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkSizerTest {

    private static final long MS = 1_000_000;

    @Test
    void withoutTargetEveryChunkHoldsTheConfiguredRows() {
        ChunkSizer sizer = new ChunkSizer(10_000, null);
        assertThat(sizer.next(0)).isEqualTo(10_000);
        sizer.observe(0, 5 * MS);
        assertThat(sizer.next(1)).isEqualTo(10_000);
    }

    @Test
    void sizesFollowTheDecayingRateTowardTheTarget() {
        ChunkSizer sizer = new ChunkSizer(10_000, Duration.ofMillis(500));
        assertThat(sizer.next(0)).isEqualTo(10_000);
        sizer.observe(0, 1000 * MS);                 // 10,000 rows/s: 0.5 s is 5,000 rows
        assertThat(sizer.next(1)).isEqualTo(5_000);
        sizer.observe(1, 250 * MS);                  // 20,000 rows/s; average 0.75 * 10,000 + 0.25 * 20,000
        assertThat(sizer.rowsPerSecond()).isEqualTo(12_500.0);
        assertThat(sizer.next(2)).isEqualTo(6_250);
    }

    @Test
    void growthIsAtMostDoubleAndSizesStayWithinBounds() {
        ChunkSizer sizer = new ChunkSizer(10_000, Duration.ofSeconds(10));
        sizer.next(0);
        sizer.observe(0, MS);                         // 10M rows/s would ask for 100M rows
        assertThat(sizer.next(1)).isEqualTo(20_000);
        assertThat(sizer.next(2)).isEqualTo(40_000);
        ChunkSizer slow = new ChunkSizer(10_000, Duration.ofMillis(10));
        slow.next(0);
        slow.observe(0, 60_000 * MS);                // 166 rows/s would ask for 1 row
        assertThat(slow.next(1)).isEqualTo(ChunkSizer.MIN_ROWS);
    }

    @Test
    void forgottenAndUnknownChunksDoNotMoveTheAverage() {
        ChunkSizer sizer = new ChunkSizer(10_000, Duration.ofMillis(500));
        sizer.next(0);
        sizer.forget(0);
        sizer.observe(0, 1 * MS);
        sizer.observe(7, 1 * MS);
        assertThat(sizer.rowsPerSecond()).isEqualTo(-1.0);
        assertThat(sizer.next(1)).isEqualTo(10_000);
    }
}
