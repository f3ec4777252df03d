package io.parity.reconcile;

import io.parity.checksum.ChunkChecksum;
import io.parity.chunk.KeyValues;
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
        keep.add(null, 0, 0);
        keep.finish(SUM);
        assertThat(keep.complete()).isFalse();
        assertThat(keep.checksum()).isEqualTo(SUM);
    }
}
