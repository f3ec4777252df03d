package io.parity.engine.mysql;

import io.parity.checksum.ChecksumPlan;
import io.parity.connect.SideConnection;
import io.parity.core.Chunk;
import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.RowDiff;
import io.parity.core.RowHashes;
import io.parity.core.RowImage;
import io.parity.spec.Secret;
import io.parity.engine.Engine;
import io.parity.engine.SqlStatement;
import io.parity.it.Numbers;
import io.parity.it.TestDatabase;
import io.parity.schema.SideTable;
import io.parity.spec.Endpoint;
import io.parity.spec.JobSpec;
import io.parity.spec.Options;
import io.parity.spec.Reconcile;
import io.parity.spec.TableSpec;
import io.parity.core.ChunkResult;
import io.parity.verify.ChunkVerifier;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MySQL 5.7 code path, run on the test server: an engine built with only what 5.7 has
 * ({@link MySqlCapabilities#asMySql57()}: no window functions, no {@code CAST(… AS DOUBLE)}, no
 * {@code JSON_NORMALIZE}, no {@code CRC32C}) must read and hash every value exactly as the engine the server's version
 * gets: the same checksums in both hashing places, the same listings and rows, and verifies that report exactly the
 * planted differences, with and without bucket narrowing. JSON is stored in its normal form, as MySQL 5.7 stores it.
 */
class MySql57PathIT {

    static final String SRC = "pit_m57_src";
    static final String DST = "pit_m57_dst";
    static final List<String> TABLES = List.of("measures", "wide", "same");

    /** The planted differences, rendered as {@link #render} does, by table. */
    static final Map<String, List<String>> PLANTED = Map.of(
            "measures", List.of("changed (100) [f]", "changed (200) [fm]", "changed (300) [j]", "missing (400) []",
                    "extra (5000) []", "changed (500) [d]", "changed (600) [note]", "changed (700) [f, j]"),
            "wide", List.of("changed (777) [v]", "changed (15000) [s]", "missing (29999) []", "extra (30001) []"),
            "same", List.of());

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d,
                    "CREATE TABLE measures (id INT PRIMARY KEY, f FLOAT NULL, fm FLOAT(7,3) NULL, d DOUBLE NULL,"
                            + " j JSON NULL, note VARCHAR(40) NULL, amount DECIMAL(12,4) NOT NULL, at DATETIME(6) NOT NULL)",
                    "INSERT INTO measures SELECT seq, IF(seq % 11 = 0, NULL, seq / 7), seq / 9, IF(seq % 13 = 0, NULL,"
                            + " seq / 3), " + json("JSON_OBJECT('i', seq, 'r', seq / 4, 'tags', JSON_ARRAY('a', seq % 5),"
                            + " 'z', NULL)") + ", IF(seq % 4 = 0, NULL, CONCAT('n#', seq)), seq / 8,"
                            + " TIMESTAMP('2025-01-01') + INTERVAL seq * 1001 MICROSECOND FROM " + Numbers.upTo(3000),
                    "INSERT INTO measures VALUES (4001, 3.4028234e38, 9999.999, 1e308, " + json("'[1.5, \"é\", {\"b\": 2, \"a\": 1}]'")
                            + ", '', 0, '1000-01-01 00:00:00'), (4002, -1.17549435e-38, -9999.999, -2.2250738585072014e-308,"
                            + " " + json("'{}'") + ", 'x', -1, '9999-12-31 23:59:59.999999'), (4003, 1.4e-45, 0.001,"
                            + " 4.9e-324, NULL, NULL, 0.0001, '2024-02-29 12:00:00')",
                    "CREATE TABLE wide (id INT PRIMARY KEY, v INT NOT NULL, s VARCHAR(20) NULL)",
                    "INSERT INTO wide SELECT seq, seq % 1000, IF(seq % 3 = 0, NULL, CONCAT('s', seq)) FROM "
                            + Numbers.upTo(30000),
                    "CREATE TABLE same (id INT PRIMARY KEY, f FLOAT, j JSON)",
                    "INSERT INTO same SELECT seq, seq / 3, " + json("JSON_OBJECT('k', seq)") + " FROM " + Numbers.upTo(500));
        }
        db.execute("USE " + DST,
                "UPDATE measures SET f = f + 1 WHERE id = 100",
                "UPDATE measures SET fm = fm + 0.001 WHERE id = 200",
                "UPDATE measures SET j = " + json("JSON_OBJECT('i', 300, 'r', 75.0001, 'tags', JSON_ARRAY('a', 0), 'z', NULL)")
                        + " WHERE id = 300",
                "DELETE FROM measures WHERE id = 400",
                "INSERT INTO measures VALUES (5000, 1, 1, 1, NULL, NULL, 1, '2025-01-01')",
                // the next double after the stored one: only an exact widening and an exact text tell them apart
                "UPDATE measures SET d = d * (1 + 2.3e-16) WHERE id = 500",
                "UPDATE measures SET note = '' WHERE id = 600",
                "UPDATE measures SET f = -f, j = " + json("'{\"i\": 700}'") + " WHERE id = 700",
                "UPDATE wide SET v = v + 1 WHERE id = 777",
                "UPDATE wide SET s = 's15000 ' WHERE id = 15000",
                "DELETE FROM wide WHERE id = 29999",
                "INSERT INTO wide VALUES (30001, 1, NULL)");
        assertThat(db.query("SELECT a.d = b.d FROM " + SRC + ".measures a JOIN " + DST + ".measures b USING (id)"
                + " WHERE id = 500")).as("the changed double differs").isEqualTo("0");
    }

    /** JSON as MySQL keeps it: in its normal form. MariaDB keeps the text it is given, so it is normalised first. */
    private static String json(String expression) {
        return TestDatabase.get().mariaDb() ? "JSON_NORMALIZE(" + expression + ")" : expression;
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA1", "MD5"})
    void serverChecksumsAreTheSameWithoutTheCapabilities(HashAlgorithm hash) throws SQLException {
        try (VerifyContext ctx = open(options(hash, Hashing.SERVER, Reconcile.ROW_HASHES))) {
            Engine off = as57(ctx.source().engine());
            for (SideConnection side : List.of(ctx.source(), ctx.destination())) {
                for (String table : TABLES) {
                    SideTable t = sideTable(ctx, side, table);
                    try (Connection c = side.dataSource().getConnection()) {
                        ChunkChecksum with = side.engine().checksums().server().orElseThrow()
                                .checksum(c, t, KeyRange.ALL, hash);
                        ChunkChecksum without = off.checksums().server().orElseThrow().checksum(c, t, KeyRange.ALL, hash);
                        assertThat(without).as(table + " " + hash).isEqualTo(with);
                        assertThat(with.rows()).isPositive();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void streamedChecksumsAreTheSameWithoutTheCapabilities(HashAlgorithm hash) throws SQLException {
        try (VerifyContext ctx = open(options(hash, Hashing.CLIENT, Reconcile.ROW_HASHES))) {
            Engine off = as57(ctx.source().engine());
            for (SideConnection side : List.of(ctx.source(), ctx.destination())) {
                for (String table : TABLES) {
                    SideTable t = sideTable(ctx, side, table);
                    try (Connection c = side.dataSource().getConnection()) {
                        assertThat(off.checksums().streamedChecksum(c, t, KeyRange.ALL, hash)).as(table + " " + hash)
                                .isEqualTo(side.engine().checksums().streamedChecksum(c, t, KeyRange.ALL, hash));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Hashing.class)
    void listingsAndRowsAreTheSameWithoutTheCapabilities(Hashing hashing) throws SQLException {
        try (VerifyContext ctx = open(options(HashAlgorithm.SHA1, hashing, Reconcile.ROW_HASHES))) {
            Engine off = as57(ctx.source().engine());
            SideConnection side = ctx.source();
            for (String table : TABLES) {
                SideTable t = sideTable(ctx, side, table);
                try (Connection c = side.dataSource().getConnection()) {
                    RowHashes with = side.engine().checksums().listings().orElseThrow()
                            .rowHashes(c, t, KeyRange.ALL, HashAlgorithm.SHA1, hashing, 0);
                    RowHashes without = off.checksums().listings().orElseThrow()
                            .rowHashes(c, t, KeyRange.ALL, HashAlgorithm.SHA1, hashing, 0);
                    assertThat(without.checksum()).as(table).isEqualTo(with.checksum());
                    assertThat(without.rows().stream().map(r -> r.a() + ":" + r.b()).toList())
                            .isEqualTo(with.rows().stream().map(r -> r.a() + ":" + r.b()).toList());
                    assertThat(rows(c, off, t)).as(table + " rows").isEqualTo(rows(c, side.engine(), t));
                    assertThat(rows(c, off.portable(), t)).as(table + " portable rows")
                            .isEqualTo(rows(c, side.engine().portable(), t));
                }
            }
        }
    }

    /**
     * Verifies with the 5.7 engine on both sides, and on the source only (a 5.7 source against a newer destination),
     * report exactly the planted rows, as the full engine does; with {@code reconcile: buckets} the full engine
     * narrows by split keys, the 5.7 one (no window functions) by reading the range's rows.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"SERVER, SHA1, ROW_HASHES", "SERVER, MD5, BUCKETS", "CLIENT, CRC64, ROW_HASHES", "CLIENT, SHA1, BUCKETS"})
    void verifiesReportExactlyThePlantedRows(Hashing hashing, HashAlgorithm hash, Reconcile reconcile) {
        Options options = options(hash, hashing, reconcile);
        try (VerifyContext with = open(options); VerifyContext without = as57(with, options, true);
             VerifyContext mixed = as57(with, options, false)) {
            for (String table : TABLES) {
                Chunk chunk = new Chunk(SRC + "." + table, 0, 0, KeyRange.ALL);
                ChunkResult full = new ChunkVerifier(with).verify(chunk);
                assertThat(render(full.diffs())).as(table).containsExactlyInAnyOrderElementsOf(PLANTED.get(table));
                for (VerifyContext ctx : List.of(without, mixed)) {
                    String what = table + (ctx == mixed ? ", 5.7 source only" : ", 5.7 on both sides");
                    ChunkResult old = new ChunkVerifier(ctx).verify(chunk);
                    assertThat(render(old.diffs())).as(what).containsExactlyInAnyOrderElementsOf(PLANTED.get(table));
                    var plan = ctx.plan(SRC + "." + table);
                    var fullPlan = with.plan(SRC + "." + table);
                    if (ctx.checksummer().hashesWholeRows(plan.source(), plan.destination())
                            == with.checksummer().hashesWholeRows(fullPlan.source(), fullPlan.destination())) {
                        assertThat(old.checksums()).as(what + " checksums").isEqualTo(full.checksums());
                    } else {
                        // rows hashed whole on one and value by value on the other: other sums, the same verdict
                        assertThat(old.checksums().matches()).as(what + " checksums").isEqualTo(full.checksums().matches());
                        assertThat(old.checksums().maxRows()).as(what + " rows").isEqualTo(full.checksums().maxRows());
                    }
                    assertThat(old.matched()).as(what + " matched").isEqualTo(PLANTED.get(table).isEmpty());
                }
            }
        }
    }

    /**
     * Repair reads FLOAT through the fallback widening too, and its guards ({@code (f * 1e0) = 0.1…}) match the row as
     * read and nothing else: the same values as the full engine, a guarded UPDATE that finds its row, and none that
     * finds it once a guarded value is the next float up.
     */
    @Test
    void repairReadsAndGuardsFloatsAsTheFullEngineDoes() throws SQLException {
        try (VerifyContext ctx = open(options(HashAlgorithm.SHA1, Hashing.SERVER, Reconcile.ROW_HASHES));
             Connection c = TestDatabase.get().connect(DST)) {
            Engine off = as57(ctx.destination().engine());
            SideTable t = sideTable(ctx, ctx.destination(), "measures");
            List<Integer> floats = List.of(t.columnNames().indexOf("f"), t.columnNames().indexOf("fm"));
            c.setAutoCommit(false);
            for (long id : new long[] {100, 200, 500, 4001, 4002, 4003}) {
                KeyValues key = KeyValues.of(id);
                Object[] before = readRow(c, off, t, key);
                assertThat(before).as("row " + id).isEqualTo(readRow(c, ctx.destination().engine(), t, key));
                String guarded = off.repair().update(t, key, before, before, floats);
                assertThat(guarded).contains("(`f` * 1e0) = ");
                try (var st = c.createStatement()) {
                    assertThat(st.executeUpdate(guarded)).as(guarded).isEqualTo(1);
                    Object[] moved = before.clone();
                    float f = (Float) before[floats.get(0)];
                    moved[floats.get(0)] = f == Float.MAX_VALUE ? Math.nextDown(f) : Math.nextUp(f);
                    assertThat(st.executeUpdate(off.repair().update(t, key, moved, moved, floats))).as("next float up")
                            .isZero();
                }
            }
            c.rollback();
        }
    }

    @Test
    void theFiveSevenEngineHasNoSplitKeysAndNoServerCrc64() {
        try (VerifyContext ctx = open(options(HashAlgorithm.SHA1, Hashing.SERVER, Reconcile.ROW_HASHES))) {
            Engine off = as57(ctx.source().engine());
            assertThat(off.checksums().buckets()).isEmpty();
            assertThat(off.checksums().server().orElseThrow().hashes()).doesNotContain(HashAlgorithm.CRC64);
            assertThat(off.checksums().encoding()).isEqualTo(ctx.source().engine().checksums().encoding());
        }
    }

    /** The engine the server's version gets, with only what MySQL 5.7 has. */
    static Engine as57(Engine engine) {
        MySqlEngine full = (MySqlEngine) engine;
        String version = engine.describe().substring(engine.describe().indexOf(' ') + 1);
        MySqlCapabilities only57 = full.capabilities().asMySql57();
        return engine instanceof MariaDbEngine ? new MariaDbEngine(version, only57) : new MySqlEngine(version, only57);
    }

    /**
     * The same sides and tables, the source (and with {@code both} the destination) read by the 5.7 engine. Shares
     * the pools of {@code full}: close it first.
     */
    static VerifyContext as57(VerifyContext full, Options options, boolean both) {
        SideConnection source = full.source().withEngine(as57(full.source().engine()));
        SideConnection destination = both ? full.destination().withEngine(as57(full.destination().engine()))
                : full.destination().withEngine(full.destination().engine());
        ChecksumPlan plan = ChecksumPlan.choose(options.hash(), options.hashing(), source, destination);
        return new VerifyContext(full.spec(), source, destination, plan, full.plans());
    }

    static Options options(HashAlgorithm hash, Hashing hashing, Reconcile reconcile) {
        Options d = Options.defaults();
        return new Options(100_000, 1, hash, d.recheck(), d.retry(), d.throttle(), d.lockWaitTimeout(), d.fence(),
                d.fenceTimeout(), hashing, null, reconcile);
    }

    static VerifyContext open(Options options) {
        TestDatabase db = TestDatabase.get();
        JobSpec spec = new JobSpec("mysql57", Path.of("mysql57.yml"), "0".repeat(64),
                new Endpoint("source", db.url(SRC), db.user(), Secret.of(db.password())),
                new Endpoint("destination", db.url(DST), db.user(), Secret.of(db.password())),
                List.of(new TableSpec(null, "*", List.of(), null, List.of(), null, List.of(), "tables[0]")),
                options, null);
        return VerifyPreparation.prepare(spec);
    }

    private static SideTable sideTable(VerifyContext ctx, SideConnection side, String table) {
        var plan = ctx.plan(SRC + "." + table);
        return side == ctx.source() ? plan.source() : plan.destination();
    }

    /** Every row of the table as the engine reads it: key, sort weights and canonical values, as hex. */
    private static List<String> rows(Connection c, Engine engine, SideTable table) throws SQLException {
        SqlStatement stmt = engine.rows().rows(table, KeyRange.ALL);
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = stmt.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                RowImage row = engine.rows().readRow(rs, table);
                rows.add(row.key() + " " + Arrays.stream(row.values())
                        .map(v -> v == null ? "NULL" : HexFormat.of().formatHex(v)).toList());
            }
        }
        return rows;
    }

    private static Object[] readRow(Connection c, Engine engine, SideTable table, KeyValues key)
            throws SQLException {
        try (PreparedStatement ps = engine.repair().selectRow(table, key).prepare(c); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("row " + key).isTrue();
            return engine.repair().readValues(rs, table);
        }
    }

    private static List<String> render(List<RowDiff> diffs) {
        return diffs.stream().map(d -> d.kind().label() + " " + d.key() + " " + d.columns()).toList();
    }
}
