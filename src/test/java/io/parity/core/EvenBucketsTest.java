package io.parity.core;

import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvenBucketsTest {

    static SideTable table(ColumnKind... key) {
        List<Column> cols = new java.util.ArrayList<>();
        for (int i = 0; i < key.length; i++) {
            cols.add(new Column("k" + i, i + 1, key[i].name().toLowerCase(), key[i], false, null, null, false));
        }
        return new SideTable(new TableRef("s", "t"), cols, cols, null);
    }

    static final SideTable INT = table(ColumnKind.INTEGER);

    static KeyRange range(long lo, long hi) {
        return new KeyRange(KeyValues.of(lo), KeyValues.of(hi));
    }

    /** Every key of the range falls in exactly one bucket, the one the server's {@code (key - base) DIV width} names. */
    @Test
    void bucketsTileTheRangeExactlyAsTheServersArithmeticAssignsKeys() {
        for (long[] r : new long[][] {{100, 420}, {0, 16}, {0, 1}, {-50, 50}, {7, 23}, {-5, 1000}, {10, 27}}) {
            EvenBuckets b = EvenBuckets.of(range(r[0], r[1]), 16).orElseThrow();
            assertThat(b.count()).isBetween(1, 16);
            assertThat(b.bucket(0).lower()).isEqualTo(KeyValues.of(r[0]));
            assertThat(b.bucket(b.count() - 1).upper()).isEqualTo(KeyValues.of(r[1]));
            for (long k = r[0] + 1; k <= r[1]; k++) {
                int server = (int) ((k - b.base()) / b.width());
                KeyRange bucket = b.bucket(server);
                assertThat((Long) bucket.lower().get(0)).as("key %d", k).isLessThan(k);
                assertThat((Long) bucket.upper().get(0)).as("key %d", k).isGreaterThanOrEqualTo(k);
            }
            for (int i = 1; i < b.count(); i++) {
                assertThat(b.bucket(i).lower()).isEqualTo(b.bucket(i - 1).upper());
            }
        }
    }

    @Test
    void widthsAreEvenInKeyValues() {
        EvenBuckets b = EvenBuckets.of(range(100, 420), 16).orElseThrow();
        assertThat(b.width()).isEqualTo(20);
        assertThat(b.count()).isEqualTo(16);
        assertThat(b.base()).isEqualTo(101);
        assertThat(b.bucket(3)).isEqualTo(range(160, 180));
        EvenBuckets small = EvenBuckets.of(range(0, 5), 16).orElseThrow();
        assertThat(small.width()).isEqualTo(1);
        assertThat(small.count()).isEqualTo(5);
    }

    /** Spans near {@code Long.MAX_VALUE}: the ceiling division must not overflow into a negative width. */
    @Test
    void hugeSpansStillTileTheRange() {
        for (long[] r : new long[][] {{-1, Long.MAX_VALUE - 1}, {Long.MIN_VALUE + 1, 0}, {0, Long.MAX_VALUE},
                {Long.MAX_VALUE - 20, Long.MAX_VALUE}}) {
            EvenBuckets b = EvenBuckets.of(range(r[0], r[1]), 16).orElseThrow();
            assertThat(b.width()).as("width %s", java.util.Arrays.toString(r)).isPositive();
            assertThat(b.count()).isBetween(1, 16);
            assertThat(b.bucket(b.count() - 1).upper()).isEqualTo(KeyValues.of(r[1]));
            for (long k : new long[] {r[0] + 1, r[1], r[0] + (r[1] - r[0]) / 2, r[1] - 1}) {
                long i = (k - b.base()) / b.width();
                assertThat(i).as("key %d", k).isBetween(0L, (long) b.count() - 1);
                KeyRange bucket = b.bucket((int) i);
                assertThat((Long) bucket.lower().get(0)).as("key %d", k).isLessThan(k);
                assertThat((Long) bucket.upper().get(0)).as("key %d", k).isGreaterThanOrEqualTo(k);
            }
        }
    }

    @Test
    void onlyForClosedRangesOfOneIntegerKeyColumnWhoseSpanFitsALong() {
        assertThat(EvenBuckets.of(new KeyRange(null, KeyValues.of(5L)), 16)).isEmpty();
        assertThat(EvenBuckets.of(new KeyRange(KeyValues.of(5L), null), 16)).isEmpty();
        assertThat(EvenBuckets.of(range(Long.MIN_VALUE, Long.MAX_VALUE), 16)).isEmpty();
        assertThat(EvenBuckets.of(range(5, 5), 16)).isEmpty();
        assertThat(EvenBuckets.of(new KeyRange(KeyValues.of(BigInteger.ONE),
                KeyValues.of(new BigInteger("18446744073709551615"))), 16)).isEmpty();
        SideTable text = table(ColumnKind.TEXT);
        assertThat(text.singleIntegerKey()).isFalse();
        assertThat(EvenBuckets.of(new KeyRange(KeyValues.of("a"), KeyValues.of("b")), 16)).isEmpty();
        SideTable composite = table(ColumnKind.INTEGER, ColumnKind.INTEGER);
        assertThat(composite.singleIntegerKey()).isFalse();
        assertThat(EvenBuckets.of(new KeyRange(KeyValues.of(1L, 2L), KeyValues.of(5L, 1L)), 16)).isEmpty();
        assertThat(INT.singleIntegerKey()).isTrue();
        assertThat(EvenBuckets.of(range(Long.MAX_VALUE - 100, Long.MAX_VALUE), 16)).isPresent();
        assertThat(EvenBuckets.of(range(-1, Long.MAX_VALUE - 1), 16)).isPresent();
    }
}
