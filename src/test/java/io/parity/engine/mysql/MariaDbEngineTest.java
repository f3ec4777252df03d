package io.parity.engine.mysql;

import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.engine.SqlStatement;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.parity.engine.mysql.MySqlEngineTest.col;
import static io.parity.engine.mysql.MySqlEngineTest.orders;
import static io.parity.engine.mysql.MySqlEngineTest.text;
import static org.assertj.core.api.Assertions.assertThat;

class MariaDbEngineTest {

    private static final String ROW = "CONCAT_WS('#', `id`, `note`, CONCAT(ISNULL(`note`)), CONCAT_WS(',', LENGTH(`note`)))";

    private final MariaDbEngine mariadb = new MariaDbEngine("10.11.19");

    @ParameterizedTest(name = "{0}.{1} crc64={2}")
    @CsvSource({
            "10, 5,  false",
            "10, 6,  false",
            "10, 7,  false",
            "10, 8,  true",
            "10, 11, true",
            "11, 0,  true",
            "11, 4,  true",
            "12, 0,  true",
    })
    void crc64NeedsMariaDb108(int major, int minor, boolean crc64) {
        MariaDbEngine d = new MariaDbEngine(major + "." + minor + ".1");

        assertThat(d.encoding().hashes().contains(HashAlgorithm.CRC64)).isEqualTo(crc64);
        assertThat(d.encoding().hashes().contains(HashAlgorithm.MD5)).isTrue();
        assertThat(d.encoding().hashes().get(0)).isEqualTo(HashAlgorithm.SHA1);
    }

    @Test
    void describesAsMariaDb() {
        assertThat(mariadb.describe()).isEqualTo("MariaDB 10.11.19");
    }

    @Test
    void jsonIsNormalised() {
        assertThat(mariadb.encoding().canonical(col("doc", ColumnKind.JSON, false))).isEqualTo("JSON_NORMALIZE(`doc`)");
    }

    @Test
    void otherKindsAreAsOnMySql() {
        assertThat(mariadb.encoding().canonical(col("r", ColumnKind.FLOAT, false))).isEqualTo("CAST(`r` AS DOUBLE)");
        assertThat(mariadb.encoding().canonical(col("b", ColumnKind.BIT, false))).isEqualTo("(`b` + 0)");
        assertThat(mariadb.encoding().canonical(text("t", "latin1", "latin1_swedish_ci", false))).isEqualTo("CONVERT(`t` USING utf8mb4)");
        assertThat(mariadb.quote("a`b")).isEqualTo("`a``b`");
    }

    @Test
    void jsonLengthUsesNormalisedValue() {
        String row = mariadb.encoding().rowEncoding(List.of(col("id", ColumnKind.INTEGER, false),
                col("doc", ColumnKind.JSON, true).withLarge(false)));

        assertThat(row).isEqualTo("CONCAT_WS('#', `id`, JSON_NORMALIZE(`doc`), CONCAT(ISNULL(`doc`)),"
                + " CONCAT_WS(',', LENGTH(JSON_NORMALIZE(`doc`))))");
    }

    @Test
    void largeJsonIsDigestedAfterItIsNormalised() {
        String row = mariadb.encoding().rowEncoding(List.of(col("id", ColumnKind.INTEGER, false),
                new Column("doc", 2, "longtext", ColumnKind.JSON, true, "utf8mb4", "utf8mb4_bin", false)));

        assertThat(row).isEqualTo("CONCAT_WS('#', `id`, SHA1(JSON_NORMALIZE(`doc`)), CONCAT(ISNULL(`doc`)))");
    }

    @Test
    void checksumWithCrc64SumsCrc32AndCrc32c() {
        SqlStatement stmt = mariadb.checksumSql().checksumQuery(orders(null), new KeyRange(KeyValues.of(10L), KeyValues.of(20L)),
                HashAlgorithm.CRC64);

        assertThat(stmt.sql()).isEqualTo("SELECT COUNT(*), COALESCE(SUM(CRC32(" + ROW + ")), 0), COALESCE(SUM(CRC32C("
                + ROW + ")), 0) FROM `shop`.`orders` WHERE `id` > ? AND `id` <= ?");
        assertThat(stmt.params()).containsExactly(10L, 20L);
    }

    @Test
    void rowHashWithCrc64ListsCrc32AndCrc32c() {
        SqlStatement stmt = mariadb.listingSql().rowHashQuery(orders(null), KeyRange.ALL, HashAlgorithm.CRC64);
        assertThat(stmt.sql()).startsWith("SELECT `id`, CRC32(CONCAT_WS(").contains("), CRC32C(CONCAT_WS(")
                .endsWith(" FROM `shop`.`orders` WHERE 1=1 ORDER BY `id`");
    }

    @Test
    void checksumWithMd5MatchesMySql() {
        SqlStatement stmt = mariadb.checksumSql().checksumQuery(orders("a = 1"), new KeyRange(null, KeyValues.of(20L)), HashAlgorithm.MD5);

        assertThat(stmt.sql()).isEqualTo("SELECT COUNT(*), COALESCE(SUM(CAST(CONV(LEFT(MD5(" + ROW
                + "), 16), 16, 10) AS UNSIGNED)), 0), 0 FROM `shop`.`orders` WHERE `id` <= ? AND (a = 1)");
        assertThat(stmt.params()).containsExactly(20L);
        assertThat(stmt.sql()).isEqualTo(new MySqlEngine("8.0.36").checksumSql().checksumQuery(orders("a = 1"),
                new KeyRange(null, KeyValues.of(20L)), HashAlgorithm.MD5).sql());
    }

    @Test
    void keyAtHasOffsetAsLastParameter() {
        SqlStatement stmt = mariadb.chunks().keyAt(orders(null), new KeyRange(KeyValues.of(1L), KeyValues.of(99L)), 42, false);

        assertThat(stmt.sql()).isEqualTo("SELECT `id` FROM `shop`.`orders` WHERE `id` > ? AND `id` <= ? ORDER BY `id` LIMIT ?, 1");
        assertThat(stmt.params()).containsExactly(1L, 99L, 42L);
    }

    @Test
    void jsonCanonicalOnMySqlIsUnchanged() {
        Column doc = col("doc", ColumnKind.JSON, false);

        assertThat(new MySqlEngine("8.0.36").encoding().canonical(doc)).isEqualTo("`doc`");
    }
}
