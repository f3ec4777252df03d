package io.parity.it;

import io.parity.core.ChecksumPair;
import io.parity.core.EvenBuckets;
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
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differing buckets small enough to read as rows are read together, in one query a side, instead of one round trip a
 * side per bucket (which a distant side pays in full); rows too wide to hold together are read bucket by bucket. Either
 * way the differences are exactly the injected rows, in key order, on MariaDB (or MySQL) and on PostgreSQL. Reads
 * are counted with the MariaDB server's own {@code Com_select} (both sides are databases of one server).
 */
class BucketReadsIT {

    static final String SRC = "pit_bucket_reads_src";
    static final String DST = "pit_bucket_reads_dst";

    /** The differences: five of the 32 buckets of (0, 20000] differ, one of them in two rows. */
    static final List<String> EXPECTED = List.of(
            "changed (100) [v]", "changed (1300) [w]", "missing (1310) []", "changed (2600) [v, w]",
            "extra (3900) []", "changed (19999) [v]");

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String schema : List.of(SRC, DST)) {
            db.execute("USE " + schema,
                    "CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(20), w INT)",
                    "INSERT INTO t SELECT seq, CONCAT('v', seq), seq % 7 FROM " + Numbers.upTo(20000),
                    // rows of 4 KB: five buckets of them pass the 8 MiB a read may hold, one does not
                    "CREATE TABLE wide (id BIGINT PRIMARY KEY, v VARCHAR(20), w INT, doc VARCHAR(5000))",
                    "INSERT INTO wide SELECT seq, CONCAT('v', seq), seq % 7, REPEAT(CHAR(97 + seq % 26), 4000) FROM "
                            + Numbers.upTo(20000));
        }
        TestPostgres pg = TestPostgres.get();
        pg.recreate(SRC, DST);
        for (String schema : List.of(SRC, DST)) {
            pg.execute(schema, "CREATE TABLE t (id bigint PRIMARY KEY, v varchar(20), w int)",
                    "INSERT INTO t SELECT g, 'v' || g, g % 7 FROM generate_series(1, 20000) g");
        }
        pg.execute(DST, "UPDATE t SET v = 'x' WHERE id IN (100, 2600, 19999)",
                "UPDATE t SET w = -1 WHERE id IN (1300, 2600)", "DELETE FROM t WHERE id = 1310");
        pg.execute(SRC, "DELETE FROM t WHERE id = 3900");
        for (String table : List.of("t", "wide")) {
            db.execute("USE " + DST,
                    "UPDATE " + table + " SET v = 'x' WHERE id IN (100, 2600, 19999)",
                    "UPDATE " + table + " SET w = -1 WHERE id IN (1300, 2600)",
                    "DELETE FROM " + table + " WHERE id = 1310");
            db.execute("USE " + SRC, "DELETE FROM " + table + " WHERE id = 3900");
        }
    }

    private static VerifyContext open(String table) {
        TestDatabase db = TestDatabase.get();
        return open(table, new Endpoint("source", db.url(SRC), db.user(), Secret.of(db.password())),
                new Endpoint("destination", db.url(DST), db.user(), Secret.of(db.password())));
    }

    private static VerifyContext open(String table, Endpoint source, Endpoint destination) {
        JobSpec spec = new JobSpec("bucket-reads", Path.of("bucket-reads.yml"), "0".repeat(64), source, destination,
                List.of(new TableSpec(null, table, List.of(), null, List.of(), null, List.of(), "tables[0]")),
                new Options(1000, 1, null), null);
        return VerifyPreparation.prepare(spec);
    }

    private static long selects(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_select'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /** The differences the reconciler finds from the 32 even buckets of (0, 20000], and the SELECTs it ran. */
    private static Found reconcile(String table) throws Exception {
        try (VerifyContext ctx = open(table)) {
            TablePlan plan = ctx.plans().get(0);
            EvenBuckets buckets = EvenBuckets.of(new KeyRange(KeyValues.of(0L), KeyValues.of(20000L)), 32)
                    .orElseThrow();
            List<ChecksumPair> pairs = ctx.checksummer().evenBuckets(plan.source(), plan.destination(), buckets);
            assertThat(pairs.stream().filter(p -> !p.matches()).count()).as("differing buckets").isEqualTo(5);
            // the server's own statement counter, read on one connection (a new one runs SELECTs of its own)
            try (Connection c = TestDatabase.get().connect("")) {
                long before = selects(c);
                List<String> diffs = ctx.reconciler(plan).reconcile(buckets, pairs).stream()
                        .map(RowEncodingIT::render).toList();
                return new Found(diffs, selects(c) - before);
            }
        }
    }

    private record Found(List<String> diffs, long selects) {
    }

    @Test
    void postgresReadsDifferingBucketsTogetherToo() {
        TestPostgres pg = TestPostgres.get();
        try (VerifyContext ctx = open("t", new Endpoint("source", pg.url(SRC), pg.user(), Secret.of(pg.password())),
                new Endpoint("destination", pg.url(DST), pg.user(), Secret.of(pg.password())))) {
            TablePlan plan = ctx.plans().get(0);
            EvenBuckets buckets = EvenBuckets.of(new KeyRange(KeyValues.of(0L), KeyValues.of(20000L)), 32)
                    .orElseThrow();
            // each bucket's own checksums (PostgreSQL computes per-bucket ones only where its hash allows)
            List<ChecksumPair> pairs = new java.util.ArrayList<>();
            for (int i = 0; i < buckets.count(); i++) {
                pairs.add(ctx.checksummer().both(plan.source(), plan.destination(), buckets.bucket(i)));
            }
            assertThat(pairs.stream().filter(p -> !p.matches()).count()).as("differing buckets").isEqualTo(5);
            assertThat(ctx.reconciler(plan).reconcile(buckets, pairs).stream().map(RowEncodingIT::render).toList())
                    .containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void differingBucketsAreReadTogetherInOneQueryASide() throws Exception {
        Found found = reconcile("t");
        assertThat(found.diffs()).containsExactlyElementsOf(EXPECTED);
        assertThat(found.selects()).as("row reads, both sides").isEqualTo(2);
    }

    @Test
    void bucketsTooWideToHoldTogetherAreReadOneByOne() throws Exception {
        Found found = reconcile("wide");
        assertThat(found.diffs()).containsExactlyElementsOf(EXPECTED);
        // the read of all five together gives up at 8 MiB a side; then each bucket is read on its own
        assertThat(found.selects()).as("row reads, both sides").isEqualTo(2 + 10);
    }
}
