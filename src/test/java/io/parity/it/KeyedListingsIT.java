package io.parity.it;

import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.KeyedRowHashes;
import io.parity.core.RowHashes;
import io.parity.core.Sides;
import io.parity.engine.Engine;
import io.parity.engine.Engines;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing kept as keys and hashes in arrays ({@link KeyedRowHashes}) is the listing made of objects: the same rows,
 * keys, hashes and checksum, cut at the same limit, on MariaDB and PostgreSQL in the portable encoding and on
 * PostgreSQL hashed by its server; keys at both ends of {@code BIGINT} included. Merged across the two engines, equal
 * rows leave nothing, and each planted difference leaves its row.
 */
class KeyedListingsIT {

    static final String DB = "pit_keyed";
    static final String ROWS = "(-9223372036854775808, 'min', NULL, NULL, NULL),"
            + " (-9223372036854775807, 'min+1', -1.5, -12.25, '1000-01-01 00:00:00.000001'),"
            + " (-5, '', 0, 0, '2024-02-29 23:59:59.999999'), (-1, NULL, 1e300, 99999999.99, NULL),"
            + " (0, 'zero', 2.5e-300, -99999999.99, '2024-01-01 00:00:00'),"
            + " (9223372036854775806, 'max-1', 3.25, 1.00, '9999-12-31 23:59:59.999999'),"
            + " (9223372036854775807, 'max', -0.5, 0.01, '2000-01-01 12:00:00.5')";

    @BeforeAll
    static void setUp() {
        TestDatabase my = TestDatabase.get();
        TestPostgres pg = TestPostgres.get();
        my.recreate(DB);
        pg.recreate(DB);
        my.execute("USE " + DB, "CREATE TABLE e (id BIGINT PRIMARY KEY, v VARCHAR(20), d DOUBLE, n DECIMAL(10,2),"
                        + " at DATETIME(6))", "INSERT INTO e VALUES " + ROWS,
                "INSERT INTO e SELECT seq, CONCAT('row ', seq), seq / 7e0, seq * 1.25,"
                        + " TIMESTAMP('2024-01-01') + INTERVAL seq SECOND FROM " + Numbers.upTo(400));
        pg.execute(DB, "CREATE TABLE e (id bigint PRIMARY KEY, v varchar(20), d double precision, n numeric(10,2),"
                        + " at timestamp(6))", "INSERT INTO e VALUES " + ROWS.replace("1e300", "1e300::float8"),
                "INSERT INTO e SELECT g, 'row ' || g, g / 7e0, g * 1.25, timestamp '2024-01-01' + g * interval '1 second'"
                        + " FROM generate_series(1, 400) g");
    }

    private record Side(Connection connection, Engine engine, SideTable table) {
    }

    private static Side side(Connection c, String schema, boolean portable) throws Exception {
        Engine detected = Engines.detect(c, "source");
        Engine engine = portable ? detected.portable() : detected;
        engine.session().readSession(java.time.Duration.ofSeconds(5)).ifPresent(sql -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        TableSchema schemaOf = engine.catalog().describe(c, new TableRef(schema, "e")).orElseThrow();
        return new Side(c, engine, new SideTable(schemaOf.ref(), List.of(schemaOf.column("id").orElseThrow()),
                schemaOf.columns(), null));
    }

    private static RowHashes listing(Side s, KeyRange range, HashAlgorithm hash, Hashing hashing, int limit)
            throws Exception {
        return s.engine().checksums().listings().orElseThrow().rowHashes(s.connection(), s.table(), range, hash,
                hashing, limit);
    }

    private static KeyedRowHashes keyed(Side s, KeyRange range, HashAlgorithm hash, Hashing hashing, int limit)
            throws Exception {
        // planned for fewer rows than the range holds: the arrays grow on the way
        return s.engine().checksums().listings().orElseThrow().keyed().orElseThrow()
                .keyedRowHashes(s.connection(), s.table(), range, hash, hashing, limit, 10);
    }

    private static List<String> rows(RowHashes listing) {
        return listing.rows().stream().map(r -> r.key().key() + " " + r.a() + " " + r.b()).toList();
    }

    private static void sameAsTheListing(Side s, HashAlgorithm hash, Hashing hashing) throws Exception {
        for (KeyRange range : List.of(KeyRange.ALL, new KeyRange(KeyValues.of(-6L), KeyValues.of(300L)),
                new KeyRange(KeyValues.of(500L), KeyValues.of(600L)))) {
            RowHashes objects = listing(s, range, hash, hashing, 0);
            KeyedRowHashes arrays = keyed(s, range, hash, hashing, 0);
            assertThat(arrays.complete()).as(range.toString()).isTrue();
            assertThat(arrays.checksum()).as(range.toString()).isEqualTo(objects.checksum());
            assertThat(rows(arrays.toRowHashes())).as(range.toString()).containsExactlyElementsOf(rows(objects));
        }
        int all = listing(s, KeyRange.ALL, hash, hashing, 0).rows().size();
        assertThat(all).isEqualTo(407);
        assertThat(keyed(s, KeyRange.ALL, hash, hashing, all).complete()).as("exactly the limit").isTrue();
        assertThat(keyed(s, KeyRange.ALL, hash, hashing, all - 1).complete()).as("one over the limit").isFalse();
        assertThat(listing(s, KeyRange.ALL, hash, hashing, all - 1).complete()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"CRC64", "SHA1", "MD5"})
    void portableListingsOnBothEnginesAndTheirMerge(String name) throws Exception {
        HashAlgorithm hash = HashAlgorithm.valueOf(name);
        try (Connection my = TestDatabase.get().connect(DB); Connection pg = TestPostgres.get().connect(DB)) {
            pg.setAutoCommit(false); // as Parity's pools read PostgreSQL: a cursor streams inside a transaction
            Side mariadb = side(my, DB, true);
            Side postgres = side(pg, "public", true);
            sameAsTheListing(mariadb, hash, Hashing.CLIENT);
            sameAsTheListing(postgres, hash, Hashing.CLIENT);

            Sides<RowHashes> equal = KeyedRowHashes.differing(keyed(mariadb, KeyRange.ALL, hash, Hashing.CLIENT, 0),
                    keyed(postgres, KeyRange.ALL, hash, Hashing.CLIENT, 0));
            assertThat(equal.source().rows()).isEmpty();
            assertThat(equal.destination().rows()).isEmpty();
            assertThat(equal.source().checksum()).isEqualTo(equal.destination().checksum());
            try (Statement st = pg.createStatement()) {
                st.execute("UPDATE e SET n = n + 0.01 WHERE id = 9223372036854775807");
                st.execute("DELETE FROM e WHERE id = -9223372036854775808");
                st.execute("INSERT INTO e (id, v) VALUES (401, 'extra')");
            }
            pg.commit();
            Sides<RowHashes> differing = KeyedRowHashes.differing(
                    keyed(mariadb, KeyRange.ALL, hash, Hashing.CLIENT, 0),
                    keyed(postgres, KeyRange.ALL, hash, Hashing.CLIENT, 0));
            assertThat(differing.source().rows()).map(r -> r.key().key())
                    .containsExactly(KeyValues.of(Long.MIN_VALUE), KeyValues.of(Long.MAX_VALUE));
            assertThat(differing.destination().rows()).map(r -> r.key().key())
                    .containsExactly(KeyValues.of(401L), KeyValues.of(Long.MAX_VALUE));
        } finally {
            TestPostgres.get().execute(DB, "UPDATE e SET n = n - 0.01 WHERE id = 9223372036854775807",
                    "DELETE FROM e WHERE id = 401",
                    "INSERT INTO e VALUES (-9223372036854775808, 'min', NULL, NULL, NULL)");
        }
    }

    @ParameterizedTest
    @CsvSource({"SERVER", "CLIENT"})
    void postgresListingsInItsOwnEncoding(String place) throws Exception {
        try (Connection pg = TestPostgres.get().connect(DB)) {
            pg.setAutoCommit(false);
            sameAsTheListing(side(pg, "public", false), HashAlgorithm.MD5, Hashing.valueOf(place));
        }
    }
}
