package io.parity.it;

import io.parity.core.ChunkChecksum;
import io.parity.core.EvenBuckets;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.engine.Engine;
import io.parity.engine.EvenBucketChecksums;
import io.parity.engine.Engines;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's per-bucket checksums of a range cut into even key spans: every row lands in its bucket (each bucket's
 * sums are the checksum of that bucket's own range), the buckets add up to the range's checksum, for ranges whose
 * keys reach both ends of {@code bigint}, for an {@code integer} key, and with one bucket or the most a chunk uses.
 */
class PostgresEvenBucketsIT {

    static final String DB = "pit_pg_even";

    @BeforeAll
    static void setUp() {
        TestPostgres pg = TestPostgres.get();
        pg.recreate(DB);
        pg.execute(DB, "CREATE TABLE e (id bigint PRIMARY KEY, v text, n numeric(10,2), d double precision)",
                "INSERT INTO e VALUES (-9223372036854775808, 'min', NULL, NULL), (-9223372036854775807, 'min+1', 1, -0.5),"
                        + " (-5, '', 0, 1e300), (-1, NULL, -1.25, 0), (0, 'zero', 99999999.99, -1e-300),"
                        + " (9223372036854775806, 'max-1', 1, 2), (9223372036854775807, 'max', 2, 3)",
                "INSERT INTO e SELECT g, 'row ' || g, g * 1.25, g / 7e0 FROM generate_series(1, 3000) g",
                "CREATE TABLE i (id integer PRIMARY KEY, v text)",
                "INSERT INTO i SELECT g, md5(g::text) FROM generate_series(-2000, 2000, 3) g");
    }

    private static SideTable table(Engine engine, Connection c, String name) throws Exception {
        TableSchema schema = engine.catalog().describe(c, new TableRef("public", name)).orElseThrow();
        return new SideTable(schema.ref(), List.of(schema.column("id").orElseThrow()), schema.columns(), null);
    }

    private static Map<Integer, ChunkChecksum> buckets(Engine engine, Connection c, SideTable t, EvenBuckets b)
            throws Exception {
        EvenBucketChecksums even = engine.checksums().evenBuckets().orElseThrow();
        SqlStatement stmt = even.evenBucketChecksums(t, b, HashAlgorithm.MD5);
        try (PreparedStatement ps = stmt.prepare(c); ResultSet rs = ps.executeQuery()) {
            return even.readBuckets(rs);
        }
    }

    private static void bucketsAreTheirRangesChecksums(Engine engine, Connection c, SideTable t, KeyRange range)
            throws Exception {
        ChunkChecksum whole = engine.checksums().server().orElseThrow().checksum(c, t, range, HashAlgorithm.MD5);
        assertThat(whole.rows()).as(range.toString()).isPositive();
        for (int fanout : new int[] {1, 7, 16, 256}) {
            EvenBuckets b = EvenBuckets.of(range, fanout).orElseThrow();
            Map<Integer, ChunkChecksum> found = buckets(engine, c, t, b);
            ChunkChecksum sum = ChunkChecksum.EMPTY;
            for (int i = 0; i < b.count(); i++) {
                ChunkChecksum own = engine.checksums().server().orElseThrow().checksum(c, t, b.bucket(i),
                        HashAlgorithm.MD5);
                ChunkChecksum bucket = found.getOrDefault(i, ChunkChecksum.EMPTY);
                assertThat(bucket).as(range + " fanout " + fanout + " bucket " + i).isEqualTo(own);
                sum = sum.plus(bucket);
            }
            assertThat(found.keySet()).as("no bucket outside 0..count-1").allMatch(i -> i >= 0 && i < b.count());
            assertThat(sum).as(range + " fanout " + fanout).isEqualTo(whole);
        }
    }

    @Test
    void everyRowLandsInItsBucketAndTheBucketsAddUpToTheRange() throws Exception {
        try (Connection c = TestPostgres.get().connect(DB)) {
            Engine engine = Engines.detect(c, "source");
            SideTable e = table(engine, c, "e");
            for (KeyRange range : List.of(new KeyRange(KeyValues.of(-6L), KeyValues.of(3000L)),
                    new KeyRange(KeyValues.of(0L), KeyValues.of(Long.MAX_VALUE)),
                    new KeyRange(KeyValues.of(Long.MIN_VALUE), KeyValues.of(-1L)),
                    new KeyRange(KeyValues.of(-4611686018427387904L), KeyValues.of(4611686018427387903L)))) {
                bucketsAreTheirRangesChecksums(engine, c, e, range);
            }
            bucketsAreTheirRangesChecksums(engine, c, table(engine, c, "i"),
                    new KeyRange(KeyValues.of(-1999L), KeyValues.of(1999L)));
        }
    }
}
