package io.parity.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    private final ProgressLine line = new ProgressLine(new PrintStream(new ByteArrayOutputStream()), 10_000);

    @Test
    void showsRowsChunksRateEtaAndDifferences() {
        assertThat(line.render(2_500, 5, 3, 1_000)).isEqualTo("verifying [#######.......................]  25%"
                + "  2,500/10,000 rows  5 chunks  2,500 rows/s  ETA 0:03  3 differing");
    }

    @Test
    void neverClaimsDoneBeforeTheRunEndsEvenWhenTheEstimateWasLow() {
        assertThat(line.render(12_000, 30, 0, 2_000)).contains(" 99%").contains("ETA 0:00");
    }

    @Test
    void unknownRateBeforeTheFirstChunk() {
        assertThat(line.render(0, 0, 0, 0)).contains("  0%").contains("0 rows/s").contains("ETA ?");
    }
}
