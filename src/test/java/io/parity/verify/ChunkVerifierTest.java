package io.parity.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkVerifierTest {

    /**
     * A chunk checksummed per bucket first is cut into buckets of about 500 planned rows (half the reconciler's row
     * limit), so a differing bucket is read as rows at once; never fewer than 16 buckets nor more than 256.
     */
    @Test
    void evenBucketsHoldAboutHalfTheRowsTheReconcilerReadsAtOnce() {
        assertThat(ChunkVerifier.evenBucketCount(0)).isEqualTo(16);
        assertThat(ChunkVerifier.evenBucketCount(1)).isEqualTo(16);
        assertThat(ChunkVerifier.evenBucketCount(8_000)).isEqualTo(16);
        assertThat(ChunkVerifier.evenBucketCount(8_001)).isEqualTo(17);
        assertThat(ChunkVerifier.evenBucketCount(10_000)).isEqualTo(20);
        assertThat(ChunkVerifier.evenBucketCount(20_000)).isEqualTo(40);
        assertThat(ChunkVerifier.evenBucketCount(20_001)).isEqualTo(41);
        assertThat(ChunkVerifier.evenBucketCount(128_000)).isEqualTo(256);
        assertThat(ChunkVerifier.evenBucketCount(Integer.MAX_VALUE)).isEqualTo(256);
    }
}
