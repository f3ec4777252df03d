package io.parity.core;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedRowHashesTest {

    static final ChunkChecksum SUM = new ChunkChecksum(3, BigInteger.TEN, BigInteger.ZERO);

    @Test
    void keptRowsBecomeAKeyOrderedListingWithTheStreamedChecksum() {
        KeyedRowHashes keep = new KeyedRowHashes(10);
        keep.add(30L, 3, 33);
        keep.add(-5L, 1, 11);
        keep.add(7L, 2, 22);
        keep.finish(SUM);
        RowHashes listing = keep.toRowHashes();
        assertThat(listing.complete()).isTrue();
        assertThat(listing.checksum()).isEqualTo(SUM);
        assertThat(listing.rows()).extracting(r -> r.key().key()).containsExactly(KeyValues.of(-5L), KeyValues.of(7L),
                KeyValues.of(30L));
        assertThat(listing.rows()).extracting(HashedRow::a).containsExactly(1L, 2L, 3L);
        assertThat(listing.rows()).extracting(HashedRow::b).containsExactly(11L, 22L, 33L);
    }

    @Test
    void growsPastItsFirstArraysUpToTheLimitAndIsIncompleteBeyond() {
        KeyedRowHashes keep = new KeyedRowHashes(5000);
        for (long k = 0; k < 5000; k++) {
            keep.add(k, k, -k);
        }
        keep.finish(SUM);
        assertThat(keep.complete()).isTrue();
        assertThat(keep.toRowHashes().rows()).hasSize(5000);
        keep.add(5000L, 0, 0);
        assertThat(keep.complete()).isFalse();
        assertThatThrownBy(keep::toRowHashes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyThatIsNotALongOrAMissingChecksumMakesItIncomplete() {
        KeyedRowHashes keep = new KeyedRowHashes(10);
        keep.add(1L, 0, 0);
        assertThat(keep.complete()).as("no checksum yet").isFalse();
        keep.giveUp();
        keep.finish(SUM);
        assertThat(keep.complete()).isFalse();
        assertThat(keep.checksum()).isEqualTo(SUM);
    }
    /**
     * Only rows that do not match reach the reconciler: keys on one side only, and keys whose hash halves differ
     * (either half), on both sides; each side keeps its full checksum. The destination streamed out of key order.
     */
    @Test
    void differingKeepsOnlyTheRowsThatDoNotMatchWithEachSidesFullChecksum() {
        KeyedRowHashes source = new KeyedRowHashes(100, 8);
        KeyedRowHashes destination = new KeyedRowHashes(100, 8);
        for (long k = 1; k <= 10; k++) {
            source.add(k, k, k * 10);
        }
        for (long k = 10; k >= 2; k--) {          // key 1 missing; out of order
            destination.add(k, k == 4 ? 99 : k, k == 7 ? 1 : k * 10);
        }
        destination.add(12L, 12, 120);             // extra
        ChunkChecksum other = new ChunkChecksum(10, BigInteger.ONE, BigInteger.ONE);
        source.finish(SUM);
        destination.finish(other);
        var sides = KeyedRowHashes.differing(source, destination);
        assertThat(sides.source().rows()).extracting(r -> r.key().key())
                .containsExactly(KeyValues.of(1L), KeyValues.of(4L), KeyValues.of(7L));
        assertThat(sides.destination().rows()).extracting(r -> r.key().key())
                .containsExactly(KeyValues.of(4L), KeyValues.of(7L), KeyValues.of(12L));
        assertThat(sides.destination().rows()).extracting(HashedRow::a).containsExactly(99L, 7L, 12L);
        assertThat(sides.source().checksum()).isEqualTo(SUM);
        assertThat(sides.destination().checksum()).isEqualTo(other);
        assertThat(sides.source().complete()).isTrue();
    }

    @Test
    void differingRefusesAnIncompleteSide() {
        KeyedRowHashes source = new KeyedRowHashes(1, 1);
        source.add(1L, 0, 0);
        source.add(2L, 0, 0);
        source.finish(SUM);
        KeyedRowHashes destination = new KeyedRowHashes(10, 1);
        destination.finish(SUM);
        assertThatThrownBy(() -> KeyedRowHashes.differing(source, destination))
                .isInstanceOf(IllegalStateException.class);
    }
}
