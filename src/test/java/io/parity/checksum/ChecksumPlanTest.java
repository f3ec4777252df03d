package io.parity.checksum;

import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.Sides;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash {@code hashing: auto} takes from the sides' measured round trips. */
class ChecksumPlanTest {

    @Test
    void eitherSideAtTwoMillisecondsOrMoreIsDistant() {
        ChecksumPlan unmeasured = new ChecksumPlan(HashAlgorithm.SHA1, Hashing.SERVER, HashAlgorithm.SHA1);
        assertThat(unmeasured.anyDistant()).isFalse();
        assertThat(measured(Duration.ofNanos(300_000), Duration.ofNanos(1_999_999)).anyDistant()).isFalse();
        assertThat(measured(Duration.ofMillis(2), Duration.ofNanos(100_000)).anyDistant()).isTrue();
        assertThat(measured(Duration.ofNanos(100_000), Duration.ofMillis(30)).anyDistant()).isTrue();
        assertThat(measured(Duration.ofNanos(100_000), Duration.ofMillis(30)).distance())
                .isEqualTo("the destination is 30.0 ms away");
        assertThat(measured(Duration.ofNanos(300_000), Duration.ofNanos(1_999_999)).distance()).isNull();
        assertThat(unmeasured.distance()).isNull();
    }

    private static ChecksumPlan measured(Duration source, Duration destination) {
        return new ChecksumPlan(HashAlgorithm.SHA1, Hashing.SERVER, HashAlgorithm.SHA1, null,
                new Sides<>(source, destination));
    }

    @Test
    void nearSidesHashWithTheCrcPairAndADistantSideWithTheServersDigest() {
        ChecksumPlan near = ChecksumPlan.autoHash(HashAlgorithm.SHA1,
                new Sides<>(Duration.ofNanos(120_000), Duration.ofNanos(900_000)));
        assertThat(near.hash()).isEqualTo(HashAlgorithm.CRC64);
        assertThat(near.hashing()).isEqualTo(Hashing.AUTO);
        assertThat(near.reason()).isEqualTo("crc64: both sides are near (round trips 0.1 ms and 0.9 ms), the cheapest"
                + " hash in Parity");

        ChecksumPlan far = ChecksumPlan.autoHash(HashAlgorithm.SHA1,
                new Sides<>(Duration.ofNanos(150_000), Duration.ofMillis(10)));
        assertThat(far.hash()).isEqualTo(HashAlgorithm.SHA1);
        assertThat(far.bucketHash()).isEqualTo(HashAlgorithm.SHA1);
        assertThat(far.reason()).isEqualTo("sha1: the destination is 10.0 ms away, which will likely hash on its server,"
                + " where sha1 is cheaper than crc64");

        assertThat(ChecksumPlan.autoHash(HashAlgorithm.SHA1, new Sides<>(ChecksumPlan.DISTANT, Duration.ZERO)).reason())
                .startsWith("sha1: the source is 2.0 ms away");
        assertThat(ChecksumPlan.autoHash(HashAlgorithm.SHA1, null).hash()).isEqualTo(HashAlgorithm.CRC64);
    }
}
