package io.parity.engine.mysql;

import io.parity.core.HashAlgorithm;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.parity.engine.mysql.MySqlEngineTest.col;
import static org.assertj.core.api.Assertions.assertThat;

/** Capabilities decided from the version, and the SQL each missing capability falls back to. */
class MySqlCapabilitiesTest {

    @ParameterizedTest(name = "MySQL {0}")
    @CsvSource({
            // version, window functions, CAST AS DOUBLE, transaction_read_only, SHOW REPLICA STATUS
            "5.7.19, false, false, false, false",
            "5.7.44-log, false, false, true, false",
            "8.0.16, true, false, true, false",
            "8.0.17, true, true, true, false",
            "8.0.22, true, true, true, true",
            "8.4.3, true, true, true, true",
            "9.1.0, true, true, true, true"})
    void mysqlVersions(String version, boolean windows, boolean castAsDouble, boolean txReadOnly, boolean replica) {
        MySqlCapabilities c = MySqlCapabilities.mysql(version);
        assertThat(c).isEqualTo(new MySqlCapabilities(windows, castAsDouble, false, false, txReadOnly, replica));
    }

    @ParameterizedTest(name = "MariaDB {0}")
    @CsvSource({
            // version, window functions, JSON_NORMALIZE, CRC32C, SHOW REPLICA STATUS
            "10.1.48, false, false, false, false",
            "10.5.0, true, false, false, false",
            "10.6.20, true, false, false, true",
            "10.7.1, true, true, false, true",
            "10.11.19, true, true, true, true",
            "11.4.4, true, true, true, true"})
    void mariaDbVersions(String version, boolean windows, boolean jsonNormalize, boolean crc32c, boolean replica) {
        MySqlCapabilities c = MySqlCapabilities.mariaDb(version);
        assertThat(c).isEqualTo(new MySqlCapabilities(windows, true, jsonNormalize, crc32c, false, replica));
    }

    @Test
    void versionNumbersStopAtTheSuffix() {
        assertThat(MySqlCapabilities.numbers("5.7.44-log")).containsExactly(5, 7, 44);
        assertThat(MySqlCapabilities.numbers("10.11.19-MariaDB-0+deb12u1")).containsExactly(10, 11, 19);
        assertThat(MySqlCapabilities.numbers("8.4")).containsExactly(8, 4, 0);
        assertThat(MySqlCapabilities.numbers("")).containsExactly(0, 0, 0);
    }

    @Test
    void mysql57WidensFloatByMultiplyingAndOffersNoSplitKeys() {
        MySqlEngine old = new MySqlEngine("5.7.44");
        Column ratio = col("ratio", ColumnKind.FLOAT, true);
        assertThat(old.encoding().canonical(ratio)).isEqualTo("(`ratio` * 1e0)");
        assertThat(new MySqlEngine("8.0.36").encoding().canonical(ratio)).isEqualTo("CAST(`ratio` AS DOUBLE)");
        assertThat(old.checksums().buckets()).isEmpty();
        assertThat(old.checksums().evenBuckets()).isPresent();
        assertThat(old.checksums().listings()).isPresent();
        assertThat(old.checksumSql().hashes()).containsExactly(HashAlgorithm.SHA1, HashAlgorithm.MD5);
        assertThat(((MySqlPortableRows) old.portable().rows()).raw(ratio)).isEqualTo("(`ratio` * 1e0)");
    }

    @Test
    void mysql57SessionAndReplicaStatementsUseTheNamesItKnows() {
        assertThat(new MySqlEngine("5.7.44").sessionSetup().pinning()).endsWith("SESSION transaction_read_only = 1");
        assertThat(new MySqlEngine("5.7.10").sessionSetup().pinning()).endsWith("SESSION tx_read_only = 1");
        assertThat(new MySqlEngine("5.7.44").replication().orElseThrow().replicaStatus()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(new MySqlEngine("8.4.3").replication().orElseThrow().replicaStatus()).isEqualTo("SHOW REPLICA STATUS");
    }

    @Test
    void mariaDbWithoutJsonNormalizeComparesJsonAsStored() {
        Column doc = col("doc", ColumnKind.JSON, true);
        assertThat(new MariaDbEngine("10.6.20").encoding().canonical(doc)).isEqualTo("`doc`");
        assertThat(new MariaDbEngine("10.11.19").encoding().canonical(doc)).isEqualTo("JSON_NORMALIZE(`doc`)");
    }

    /** The 5.7 path run on a newer MariaDB: every function beyond 5.7 off, the server's own variable names kept. */
    @Test
    void asMySql57TurnsOffTheFunctionsOnly() {
        MySqlCapabilities c = MySqlCapabilities.mariaDb("10.11.19").asMySql57();
        assertThat(c).isEqualTo(new MySqlCapabilities(false, false, false, false, false, true));
        MariaDbEngine engine = new MariaDbEngine("10.11.19", c);
        Column id = col("id", ColumnKind.INTEGER, false);
        SideTable t = new SideTable(new TableRef("s", "t"), List.of(id),
                List.of(id, col("f", ColumnKind.FLOAT, true), col("j", ColumnKind.JSON, true)), null);
        assertThat(engine.encoding().rowEncoding(t.columns())).isEqualTo("CONCAT_WS('#', `id`, (`f` * 1e0), SHA1(`j`),"
                + " CONCAT(ISNULL(`f`), ISNULL(`j`)))");
        assertThat(engine.checksums().buckets()).isEmpty();
        assertThat(engine.checksumSql().hashes()).doesNotContain(HashAlgorithm.CRC64);
        assertThat(engine.sessionSetup().pinning()).endsWith("SESSION tx_read_only = 1");
    }
}
