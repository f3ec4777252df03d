package io.parity.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftMemoryTest {

    @Test
    void listsFirstAfterThreeDenselyDifferingChunksInARow() {
        DriftMemory m = new DriftMemory();
        assertThat(m.expectsDifferences()).isFalse();
        assertThat(m.dense()).isFalse();
        m.observe(true, 100);
        assertThat(m.dense()).isTrue();
        m.observe(true, 100);
        assertThat(m.expectsDifferences()).isFalse();
        m.observe(true, 100);
        assertThat(m.expectsDifferences()).isTrue();
    }

    @Test
    void sparseDifferencesInEveryChunkStayWithBuckets() {
        DriftMemory m = new DriftMemory();
        for (int i = 0; i < 100; i++) {
            m.observe(true, 1 + i % 3);
            assertThat(m.dense()).as("chunk " + i).isFalse();
            assertThat(m.expectsDifferences()).as("chunk " + i).isFalse();
        }
    }

    @Test
    void bucketsFirstWhileSparseDifferencesKeepComingAndNotWithout() {
        DriftMemory m = new DriftMemory();
        assertThat(m.expectsSparseDifferences()).isFalse();
        for (int i = 0; i < 300; i++) {
            boolean differs = i % 4 == 0;
            m.observe(differs, differs ? 2 : 0);
            assertThat(m.expectsSparseDifferences()).as("chunk " + i).isTrue();
        }
        for (int i = 0; i < 8; i++) {
            m.observe(false, 0);
        }
        assertThat(m.expectsSparseDifferences()).isFalse();
        for (int i = 0; i < 10; i++) {
            m.observe(true, 50);
        }
        assertThat(m.expectsSparseDifferences()).as("dense, not sparse").isFalse();
    }

    @Test
    void occasionalDenseChunksAreNotListedFirst() {
        DriftMemory m = new DriftMemory();
        for (int i = 0; i < 1000; i++) {
            boolean differs = i % 3 == 0;
            m.observe(differs, differs ? 50 : 0);
            assertThat(m.expectsDifferences()).as("chunk " + i).isFalse();
        }
        assertThat(m.dense()).isTrue();
    }

    @Test
    void equalChunksSwitchBackToChecksumsFirst() {
        DriftMemory m = new DriftMemory();
        for (int i = 0; i < 20; i++) {
            m.observe(true, 30);
        }
        m.observe(false, 0);
        m.observe(false, 0);
        assertThat(m.expectsDifferences()).isTrue();
        m.observe(false, 0);
        assertThat(m.expectsDifferences()).isFalse();
        assertThat(m.dense()).as("density is only learnt from differing chunks").isTrue();
    }

    @Test
    void densityFollowsRecentChunks() {
        DriftMemory m = new DriftMemory();
        m.observe(true, 200);
        for (int i = 0; i < 20; i++) {
            m.observe(true, 1);
        }
        assertThat(m.dense()).isFalse();
    }
}
