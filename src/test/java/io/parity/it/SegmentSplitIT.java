package io.parity.it;

import io.parity.chunk.ChunkWalker;
import io.parity.chunk.SegmentPlanner;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.schema.TablePlan;
import io.parity.spec.Endpoint;
import io.parity.spec.JobSpec;
import io.parity.spec.Options;
import io.parity.spec.Secret;
import io.parity.spec.TableSpec;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segments of a table keyed on one integer column: equal key spans where the optimizer estimates the keys to be
 * spread evenly, the index walk where they are lopsided or not {@code long}s (BIGINT UNSIGNED).
 */
class SegmentSplitIT {

    static final String DB = "pit_segments";

    @BeforeAll
    static void setUp() {
        TestDatabase.get().recreate(DB);
        TestDatabase.get().execute("USE " + DB,
                // 30,000 keys in steps of 5, then 10,000 consecutive keys far above: even in key values is not even
                "CREATE TABLE gappy (id BIGINT PRIMARY KEY, v INT)",
                "INSERT INTO gappy SELECT seq * 5, seq FROM " + Numbers.upTo(30000),
                "INSERT INTO gappy SELECT 10000000 + seq, seq FROM " + Numbers.upTo(10000),
                "CREATE TABLE even (id BIGINT PRIMARY KEY, v INT)",
                "INSERT INTO even SELECT seq * 5, seq FROM " + Numbers.upTo(40000),
                "CREATE TABLE unsigned_key (id BIGINT UNSIGNED PRIMARY KEY, v INT)",
                "INSERT INTO unsigned_key SELECT seq, seq FROM " + Numbers.upTo(40000),
                "ANALYZE TABLE gappy, even, unsigned_key");
    }

    private static VerifyContext open(String table) {
        TestDatabase db = TestDatabase.get();
        JobSpec spec = new JobSpec("segments", Path.of("segments.yml"), "0".repeat(64),
                new Endpoint("source", db.url(DB), db.user(), Secret.of(db.password())),
                new Endpoint("destination", db.url(DB), db.user(), Secret.of(db.password())),
                List.of(new TableSpec(null, table, List.of(), null, List.of(), null, List.of(), "tables[0]")),
                new Options(1000, 2, null), null);
        return VerifyPreparation.prepare(spec);
    }

    private static long rows(String table, KeyRange range) throws Exception {
        String where = (range.lower() == null ? "1=1" : "id > " + range.lower().get(0))
                + (range.upper() == null ? "" : " AND id <= " + range.upper().get(0));
        try (Connection c = TestDatabase.get().connect(DB); var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void evenKeysAreSplitAtEqualKeySpansThatCoverTheTable() throws Exception {
        try (VerifyContext ctx = open("even")) {
            TablePlan plan = ctx.plans().get(0);
            assertThat(ctx.cutsArithmetically(plan)).isTrue();
            assertThat(new ChunkWalker(ctx.source()).estimatedSplits(plan.source(), 4).orElseThrow())
                    .containsExactly(KeyValues.of(50003L), KeyValues.of(100002L), KeyValues.of(150001L));
            List<KeyRange> segments = new SegmentPlanner(new ChunkWalker(ctx.source()))
                    .plan(plan.source(), 40000, 1000, 4, true);
            assertThat(segments).hasSize(4);
            assertThat(segments.get(0).lower()).isNull();
            assertThat(segments.get(3).upper()).isNull();
            long total = 0;
            for (int i = 0; i < segments.size(); i++) {
                if (i > 0) {
                    assertThat(segments.get(i).lower()).isEqualTo(segments.get(i - 1).upper());
                }
                long rows = rows("even", segments.get(i));
                total += rows;
                assertThat(rows).as("segment " + i).isBetween(9999L, 10001L);
            }
            assertThat(total).isEqualTo(40000);
        }
    }

    /** A quarter of the key span holds three quarters of the rows: the index walk, so segments stay even in rows. */
    @Test
    void lopsidedKeysAreWalkedOnTheIndex() throws Exception {
        try (VerifyContext ctx = open("gappy")) {
            TablePlan plan = ctx.plans().get(0);
            assertThat(new ChunkWalker(ctx.source()).estimatedSplits(plan.source(), 4)).isEmpty();
            List<KeyRange> segments = new SegmentPlanner(new ChunkWalker(ctx.source()))
                    .plan(plan.source(), 40000, 1000, 4, true);
            assertThat(segments).hasSize(4);
            for (KeyRange segment : segments) {
                assertThat(rows("gappy", segment)).isEqualTo(10000);
            }
        }
    }

    @Test
    void unsignedBigintKeysAreWalkedOnTheIndex() {
        try (VerifyContext ctx = open("unsigned_key")) {
            TablePlan plan = ctx.plans().get(0);
            assertThat(new ChunkWalker(ctx.source()).estimatedSplits(plan.source(), 4)).isEmpty();
            List<KeyRange> segments = new SegmentPlanner(new ChunkWalker(ctx.source()))
                    .plan(plan.source(), 40000, 1000, 4, true);
            assertThat(segments).hasSize(4);
            assertThat(segments.get(1).lower().get(0)).isInstanceOf(java.math.BigInteger.class)
                    .isEqualTo(java.math.BigInteger.valueOf(10000));
        }
    }
}
