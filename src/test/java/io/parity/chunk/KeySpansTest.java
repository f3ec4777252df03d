package io.parity.chunk;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeySpansTest {

    private static KeyRange range(long lo, long hi) {
        return new KeyRange(KeyValues.of(lo), KeyValues.of(hi));
    }

    @Test
    void nothingIsCutBeforeAChunkWasObserved() {
        KeySpans spans = new KeySpans();
        assertThat(spans.upper(0, 1000)).isEmpty();
        spans.observe(new KeyRange(null, KeyValues.of(10L)), 1000);   // open below: no span
        spans.observe(new KeyRange(KeyValues.of(10L), KeyValues.of(java.math.BigInteger.TEN)), 1000);
        assertThat(spans.upper(0, 1000)).isEmpty();
    }

    @Test
    void cutsAtThePlannedRowsOverTheObservedDensity() {
        KeySpans spans = new KeySpans();
        spans.observe(range(0, 3000), 1000);      // every third key
        assertThat(spans.upper(3000, 1000)).hasValue(6000);
        assertThat(spans.upper(3000, 500)).hasValue(4500);
    }

    @Test
    void aDenserChunkCountsAtOnceASparserOneSlowlyAndSpansAtMostDouble() {
        KeySpans spans = new KeySpans();
        spans.observe(range(0, 3000), 1000);
        spans.observe(range(3000, 6000), 3000);   // consecutive keys: three times denser
        assertThat(spans.upper(6000, 1000)).hasValue(7000);
        spans.observe(range(6000, 7000), 0);       // a gap: the density only decays, and the span at most doubles
        assertThat(spans.upper(7000, 1000)).hasValue(8333);
        spans.observe(range(7000, 8000), 0);
        spans.observe(range(8000, 9000), 0);
        assertThat(spans.upper(9000, 1000).getAsLong() - 9000).isLessThanOrEqualTo(2000);
    }

    @Test
    void neverOverflowsNearTheLargestKey() {
        KeySpans spans = new KeySpans();
        spans.observe(range(0, 1_000_000_000_000L), 10);
        assertThat(spans.upper(Long.MAX_VALUE - 5, 1000)).hasValue(Long.MAX_VALUE);
        spans.observe(range(Long.MIN_VALUE, Long.MAX_VALUE), 5);   // a span that does not fit a long: ignored
        assertThat(spans.upper(0, 1000)).isPresent();
    }
}
