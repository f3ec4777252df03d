package io.parity.engine.mysql;

import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.engine.SqlStatement;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MySqlEngineTest {

    private static final String MD5_SUMS = "COALESCE(SUM(CAST(CONV(LEFT(MD5(%s), 16), 16, 10) AS UNSIGNED)), 0), 0";

    private final MySqlEngine mysql = new MySqlEngine("8.0.36");

    static Column col(String name, ColumnKind kind, boolean nullable) {
        return new Column(name, 1, kind.name().toLowerCase(), kind, nullable, null, null, false);
    }

    static Column text(String name, String charset, String collation, boolean nullable) {
        return new Column(name, 1, "varchar(10)", ColumnKind.TEXT, nullable, charset, collation, false);
    }

    static SideTable orders(String where) {
        Column id = col("id", ColumnKind.INTEGER, false);
        return new SideTable(new TableRef("shop", "orders"), List.of(id),
                List.of(id, text("note", "utf8mb4", "utf8mb4_bin", true)), where);
    }

    static Stream<Arguments> identifiers() {
        return Stream.of(
                Arguments.of("id", "`id`"),
                Arguments.of("select", "`select`"),
                Arguments.of("a`b", "`a``b`"),
                Arguments.of("``", "``````"),
                Arguments.of("a b.c", "`a b.c`"),
                Arguments.of("a'\"\\", "`a'\"\\`"),
                Arguments.of("`; DROP TABLE t; --", "```; DROP TABLE t; --`"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("identifiers")
    void quoteDoublesBackticks(String identifier, String expected) {
        assertThat(mysql.quote(identifier)).isEqualTo(expected);
    }

    static Stream<Arguments> canonicals() {
        return Stream.of(
                Arguments.of(col("c", ColumnKind.INTEGER, false), "`c`"),
                Arguments.of(col("c", ColumnKind.DECIMAL, false), "`c`"),
                Arguments.of(col("c", ColumnKind.DOUBLE, false), "`c`"),
                Arguments.of(col("c", ColumnKind.TEMPORAL, false), "`c`"),
                Arguments.of(col("c", ColumnKind.BINARY, false), "`c`"),
                Arguments.of(col("c", ColumnKind.FLOAT, false), "CAST(`c` AS DOUBLE)"),
                Arguments.of(col("c", ColumnKind.BIT, false), "(`c` + 0)"),
                Arguments.of(col("c", ColumnKind.JSON, false), "`c`"),
                Arguments.of(text("c", "utf8mb4", "utf8mb4_0900_ai_ci", false), "`c`"),
                Arguments.of(text("c", "UTF8MB4", "utf8mb4_bin", false), "`c`"),
                Arguments.of(text("c", null, null, false), "`c`"),
                Arguments.of(text("c", "latin1", "latin1_swedish_ci", false), "CONVERT(`c` USING utf8mb4)"),
                Arguments.of(text("c", "utf8mb3", "utf8mb3_general_ci", false), "CONVERT(`c` USING utf8mb4)"),
                Arguments.of(col("we`ird", ColumnKind.FLOAT, false), "CAST(`we``ird` AS DOUBLE)"));
    }

    @Test
    void valueFormsOfColumnsWhoseTypesDifferBetweenTheSides() {
        Column m = col("m", ColumnKind.DECIMAL, true).withForm(new io.parity.schema.ValueForm(
                io.parity.schema.ValueForm.Kind.EXACT_DECIMAL, 0));
        assertThat(mysql.encoding().canonical(m)).isEqualTo("IF(LOCATE('.', CAST(`m` AS CHAR)) > 0,"
                + " TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(`m` AS CHAR))), CAST(`m` AS CHAR))");
        Column d = col("d", ColumnKind.TEMPORAL, true).withForm(new io.parity.schema.ValueForm(
                io.parity.schema.ValueForm.Kind.DATETIME, 3));
        assertThat(mysql.encoding().canonical(d)).isEqualTo("CAST(`d` AS DATETIME(3))");
        Column t = col("t", ColumnKind.TEMPORAL, true).withForm(new io.parity.schema.ValueForm(
                io.parity.schema.ValueForm.Kind.TIME, 2));
        assertThat(mysql.encoding().canonical(t)).isEqualTo("CAST(`t` AS TIME(2))");
    }

    /**
     * A cast to the type a column is already declared as changes nothing and is skipped; any other declaration (more
     * or fewer digits, DOUBLE with digits or UNSIGNED, DATE or TIMESTAMP as DATETIME) keeps it.
     */
    @Test
    void castsToTheDeclaredTypeAreSkipped() {
        record Case(String declared, ColumnKind kind, io.parity.schema.ValueForm.Kind form, int digits, String expected) {
        }
        var none = io.parity.schema.ValueForm.Kind.AS_STORED;
        var datetime = io.parity.schema.ValueForm.Kind.DATETIME;
        var time = io.parity.schema.ValueForm.Kind.TIME;
        for (Case c : List.of(
                new Case("double", ColumnKind.FLOAT, none, 0, "`v`"),
                new Case("DOUBLE", ColumnKind.FLOAT, none, 0, "`v`"),
                new Case("double(10,2)", ColumnKind.FLOAT, none, 0, "CAST(`v` AS DOUBLE)"),
                new Case("double unsigned", ColumnKind.FLOAT, none, 0, "CAST(`v` AS DOUBLE)"),
                new Case("float", ColumnKind.FLOAT, none, 0, "CAST(`v` AS DOUBLE)"),
                new Case("datetime(6)", ColumnKind.TEMPORAL, datetime, 6, "`v`"),
                new Case("datetime", ColumnKind.TEMPORAL, datetime, 0, "`v`"),
                new Case("datetime(0)", ColumnKind.TEMPORAL, datetime, 0, "`v`"),
                new Case("datetime", ColumnKind.TEMPORAL, datetime, 3, "CAST(`v` AS DATETIME(3))"),
                new Case("datetime(6)", ColumnKind.TEMPORAL, datetime, 3, "CAST(`v` AS DATETIME(3))"),
                new Case("date", ColumnKind.TEMPORAL, datetime, 0, "CAST(`v` AS DATETIME(0))"),
                new Case("timestamp(3)", ColumnKind.TEMPORAL, datetime, 3, "CAST(`v` AS DATETIME(3))"),
                new Case("time(2)", ColumnKind.TEMPORAL, time, 2, "`v`"),
                new Case("time", ColumnKind.TEMPORAL, time, 2, "CAST(`v` AS TIME(2))"))) {
            Column v = new Column("v", 1, c.declared(), c.kind(), true, null, null, false);
            if (c.form() != none) {
                v = v.withForm(new io.parity.schema.ValueForm(c.form(), c.digits()));
            }
            assertThat(mysql.encoding().canonical(v)).as(c.toString()).isEqualTo(c.expected());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("canonicals")
    void canonicalPerKind(Column column, String expected) {
        assertThat(mysql.encoding().canonical(column)).isEqualTo(expected);
    }

    @Test
    void canonicalRejectsUnsupported() {
        Column geo = new Column("g", 1, "geometry", ColumnKind.UNSUPPORTED, false, null, null, false);

        assertThatThrownBy(() -> mysql.encoding().canonical(geo)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("g").hasMessageContaining("geometry");
    }

    @Test
    void rowEncodingWithoutNullableOrFreeFormColumnsIsPlain() {
        String row = mysql.encoding().rowEncoding(List.of(col("id", ColumnKind.INTEGER, false), col("r", ColumnKind.FLOAT, false)));

        assertThat(row).isEqualTo("CONCAT_WS('#', `id`, CAST(`r` AS DOUBLE))");
    }

    @Test
    void rowEncodingHasNullBitmapOnlyForNullableColumns() {
        String row = mysql.encoding().rowEncoding(List.of(col("id", ColumnKind.INTEGER, false), col("qty", ColumnKind.INTEGER, true),
                col("r", ColumnKind.FLOAT, true), col("d", ColumnKind.TEMPORAL, false)));

        assertThat(row).isEqualTo("CONCAT_WS('#', `id`, `qty`, CAST(`r` AS DOUBLE), `d`, CONCAT(ISNULL(`qty`), ISNULL(`r`)))");
    }

    @Test
    void rowEncodingHasLengthsOnlyForFreeFormColumns() {
        String row = mysql.encoding().rowEncoding(List.of(col("id", ColumnKind.INTEGER, false),
                text("name", "latin1", "latin1_swedish_ci", false), col("b", ColumnKind.BINARY, false),
                col("bits", ColumnKind.BIT, false), col("doc", ColumnKind.JSON, false).withLarge(false)));

        assertThat(row).isEqualTo("CONCAT_WS('#', `id`, CONVERT(`name` USING utf8mb4), `b`, (`bits` + 0), `doc`, "
                + "CONCAT_WS(',', LENGTH(CONVERT(`name` USING utf8mb4)), LENGTH(`b`), LENGTH(`doc`)))");
    }

    @Test
    void repairStatementsOfLargeValuesStayWithinTheLimitGuardByHashAndAppendWholeCharacters() throws Exception {
        Column id = col("id", ColumnKind.INTEGER, false);
        Column body = new Column("body", 2, "longtext", ColumnKind.TEXT, true, "utf8mb4", "utf8mb4_bin", false);
        SideTable t = new SideTable(new TableRef("s", "t"), List.of(id), List.of(id, body), null);
        byte[] text = "żółw 🐢 ".repeat(20_000).getBytes(java.nio.charset.StandardCharsets.UTF_8); // 320,000 bytes
        byte[] old = "x".repeat(5_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int limit = 200_000;
        var repair = mysql.repair();

        List<String> update = repair.update(t, KeyValues.of(7L), new Object[] {7L, old}, new Object[] {7L, text},
                List.of(1), limit);

        assertThat(update).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(limit));
        assertThat(update.get(0)).isEqualTo("UPDATE `s`.`t` SET `body` = '' WHERE `id` = 7 AND SHA2(CONVERT(`body` USING"
                + " utf8mb4), 256) = '" + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(old)) + "' LIMIT 1");
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        java.util.regex.Pattern piece = java.util.regex.Pattern.compile(
                "UPDATE `s`\\.`t` SET `body` = CONCAT\\(`body`, _utf8mb4 X'([0-9a-f]+)'\\) WHERE `id` = 7 LIMIT 1");
        for (String s : update.subList(1, update.size())) {
            java.util.regex.Matcher m = piece.matcher(s);
            assertThat(m.matches()).as(s.substring(0, 80)).isTrue();
            byte[] bytes = java.util.HexFormat.of().parseHex(m.group(1));
            assertThat(bytes[0] & 0xC0).as("a piece starts on a character").isNotEqualTo(0x80);
            written.writeBytes(bytes);
        }
        assertThat(written.toByteArray()).isEqualTo(text);
        assertThat(update.size()).isGreaterThan(2);

        assertThat(repair.update(t, KeyValues.of(7L), new Object[] {7L, old}, new Object[] {7L, text}, List.of(1),
                Integer.MAX_VALUE)).as("no limit: one statement, exact guard").singleElement()
                .satisfies(s -> assertThat(s).contains("CAST(CONVERT(`body` USING utf8mb4) AS BINARY) = X'"));
        assertThat(repair.delete(t, KeyValues.of(7L), new Object[] {7L, text}, 1, limit)).singleElement()
                .satisfies(s -> assertThat(s).contains("SHA2(CONVERT(`body` USING utf8mb4), 256) = '").hasSizeLessThan(500));
    }

    @Test
    void largeColumnsEnterTheRowEncodingAsADigestSoWideRowsStayUnderTheServersPacketLimit() {
        Column blob = new Column("blob", 2, "longblob", ColumnKind.BINARY, true, null, null, false);
        Column text = new Column("body", 3, "mediumtext", ColumnKind.TEXT, false, "latin1", "latin1_swedish_ci", false);
        Column small = new Column("b", 4, "blob", ColumnKind.BINARY, false, null, null, false);
        assertThat(blob.large()).isTrue();
        assertThat(text.large()).isTrue();
        assertThat(small.large()).as("BLOB holds at most 64 KB").isFalse();
        assertThat(new Column("g", 5, "multipolygon", ColumnKind.BINARY, false, null, null, false).large()).isTrue();

        String row = mysql.encoding().rowEncoding(List.of(col("id", ColumnKind.INTEGER, false), blob, text, small));

        assertThat(row).isEqualTo("CONCAT_WS('#', `id`, SHA1(`blob`), SHA1(CONVERT(`body` USING utf8mb4)), `b`,"
                + " CONCAT(ISNULL(`blob`)), CONCAT_WS(',', LENGTH(`b`)))");
    }

    @Test
    void rowEncodingWithNullableFreeFormHasBothTails() {
        String row = mysql.encoding().rowEncoding(List.of(col("id", ColumnKind.INTEGER, false), text("note", "utf8mb4", null, true)));

        assertThat(row).isEqualTo("CONCAT_WS('#', `id`, `note`, CONCAT(ISNULL(`note`)), CONCAT_WS(',', LENGTH(`note`)))");
    }

    @Test
    void checksumWholeTableWithMd5() {
        SqlStatement stmt = mysql.checksumSql().checksumQuery(orders(null), KeyRange.ALL, HashAlgorithm.MD5);
        String row = "CONCAT_WS('#', `id`, `note`, CONCAT(ISNULL(`note`)), CONCAT_WS(',', LENGTH(`note`)))";

        assertThat(stmt.sql()).isEqualTo("SELECT COUNT(*), " + MD5_SUMS.formatted(row) + " FROM `shop`.`orders` WHERE 1=1");
        assertThat(stmt.params()).isEmpty();
    }

    @Test
    void checksumRangeWithFilter() {
        SqlStatement stmt = mysql.checksumSql().checksumQuery(orders("status <> 'x'"),
                new KeyRange(KeyValues.of(10L), KeyValues.of(20L)), HashAlgorithm.MD5);

        assertThat(stmt.sql()).endsWith(" FROM `shop`.`orders` WHERE `id` > ? AND `id` <= ? AND (status <> 'x')");
        assertThat(stmt.params()).containsExactly(10L, 20L);
    }

    @Test
    void mysqlSupportsSha1AndMd5ButNotCrc64() {
        assertThat(mysql.encoding().hashes().contains(HashAlgorithm.MD5)).isTrue();
        assertThat(mysql.encoding().hashes().contains(HashAlgorithm.SHA1)).isTrue();
        assertThat(mysql.encoding().hashes().contains(HashAlgorithm.CRC64)).isFalse();
        assertThat(mysql.encoding().hashes().get(0)).isEqualTo(HashAlgorithm.SHA1);
        assertThat(mysql.describe()).isEqualTo("MySQL 8.0.36");
    }

    @Test
    void keyAtPutsOffsetLast() {
        SqlStatement stmt = mysql.chunks().keyAt(orders(null), new KeyRange(KeyValues.of(10L), null), 9_999, false);

        assertThat(stmt.sql()).isEqualTo("SELECT `id` FROM `shop`.`orders` WHERE `id` > ? ORDER BY `id` LIMIT ?, 1");
        assertThat(stmt.params()).containsExactly(10L, 9_999L);
    }

    @Test
    void keyAtIgnoresFilterUnlessAsked() {
        SideTable t = orders("status <> 'x'");

        assertThat(mysql.chunks().keyAt(t, KeyRange.ALL, 0, false).sql())
                .isEqualTo("SELECT `id` FROM `shop`.`orders` WHERE 1=1 ORDER BY `id` LIMIT ?, 1");
        assertThat(mysql.chunks().keyAt(t, KeyRange.ALL, 5, true).sql())
                .isEqualTo("SELECT `id` FROM `shop`.`orders` WHERE 1=1 AND (status <> 'x') ORDER BY `id` LIMIT ?, 1");
        assertThat(mysql.chunks().keyAt(t, KeyRange.ALL, 5, true).params()).containsExactly(5L);
    }

    @Test
    void keyAtCompositeKey() {
        Column a = col("a", ColumnKind.INTEGER, false);
        Column b = text("b", "utf8mb4", "utf8mb4_bin", false);
        SideTable t = new SideTable(new TableRef("s", "t"), List.of(a, b), List.of(a, b), null);

        SqlStatement stmt = mysql.chunks().keyAt(t, new KeyRange(null, KeyValues.of(3L, "z")), 0, false);

        assertThat(stmt.sql()).isEqualTo("SELECT `a`, `b` FROM `s`.`t` WHERE (`a` <= ? AND ((`a` < ?) OR (`a` = ? AND `b` <= ?)))"
                + " ORDER BY `a`, `b` LIMIT ?, 1");
        assertThat(stmt.params()).containsExactly(3L, 3L, 3L, "z", 0L);
    }

    @Test
    void rowsSelectsKeyWeightsForCollatedKeysAndCanonicalValues() {
        Column code = text("code", "utf8mb4", "utf8mb4_general_ci", false);
        Column n = col("n", ColumnKind.INTEGER, false);
        Column r = col("r", ColumnKind.FLOAT, true);
        SideTable t = new SideTable(new TableRef("s", "t"), List.of(code, n), List.of(code, n, r), null);

        SqlStatement stmt = mysql.rows().rows(t, new KeyRange(KeyValues.of("a", 1L), null));

        assertThat(stmt.sql()).isEqualTo("SELECT `code`, `n`, WEIGHT_STRING(`code`), CONCAT(`code`), CONCAT(`n`),"
                + " CONCAT(CAST(`r` AS DOUBLE)) FROM `s`.`t`"
                + " WHERE (`code` >= ? AND ((`code` > ?) OR (`code` = ? AND `n` > ?))) ORDER BY `code`, `n`");
        assertThat(stmt.params()).containsExactly("a", "a", "a", 1L);
    }

    @Test
    void rowHashQueryListsKeysAndTheDigestsFirst64BitsInKeyOrder() {
        SqlStatement stmt = mysql.listingSql().rowHashQuery(orders("status <> 'x'"), new KeyRange(KeyValues.of(10L), KeyValues.of(20L)),
                HashAlgorithm.SHA1);
        String row = "CONCAT_WS('#', `id`, `note`, CONCAT(ISNULL(`note`)), CONCAT_WS(',', LENGTH(`note`)))";

        assertThat(stmt.sql()).isEqualTo("SELECT `id`, LEFT(SHA1(" + row + "), 16) FROM `shop`.`orders`"
                + " WHERE `id` > ? AND `id` <= ? AND (status <> 'x') ORDER BY `id`");
        assertThat(stmt.params()).containsExactly(10L, 20L);
    }

    @Test
    void evenBucketChecksumsGroupByKeyArithmeticInOneScan() {
        SideTable t = orders("status <> 'x'");
        var buckets = io.parity.core.EvenBuckets.of(new KeyRange(KeyValues.of(100L), KeyValues.of(420L)), 16)
                .orElseThrow();
        SqlStatement stmt = mysql.bucketSql().evenBucketChecksums(t, buckets, HashAlgorithm.MD5);
        String row = "CONCAT_WS('#', `id`, `note`, CONCAT(ISNULL(`note`)), CONCAT_WS(',', LENGTH(`note`)))";

        assertThat(stmt.sql()).isEqualTo("SELECT (`id` - ?) DIV ? AS parity_bucket, COUNT(*), " + MD5_SUMS.formatted(row)
                + " FROM `shop`.`orders` WHERE `id` > ? AND `id` <= ? AND (status <> 'x') GROUP BY 1");
        assertThat(stmt.params()).containsExactly(101L, 20L, 100L, 420L);
        assertThat(mysql.checksums().evenBuckets().isPresent()).isTrue();
    }

    @Test
    void keyedRowsReadTemporalAndTextKeysAsTextAndNumbersAsThemselves() {
        Column day = col("day", ColumnKind.TEMPORAL, false);
        Column code = text("code", "utf8mb4", "utf8mb4_general_ci", false);
        Column n = col("n", ColumnKind.INTEGER, false);
        SideTable t = new SideTable(new TableRef("s", "t"), List.of(day, code, n), List.of(day, code, n), null);

        assertThat(mysql.listingSql().keyedRows(t, KeyRange.ALL).sql()).isEqualTo("SELECT CONCAT(`day`), CONCAT(`code`), `n`,"
                + " WEIGHT_STRING(`code`), `day`, `code`, `n` FROM `s`.`t` WHERE 1=1 ORDER BY `day`, `code`, `n`");
    }

    @Test
    void rowsByKeysUsesInForOneColumnKeys() {
        SqlStatement stmt = mysql.rows().rowsByKeys(orders("status <> 'x'"), List.of(KeyValues.of(3L), KeyValues.of(9L)));

        assertThat(stmt.sql()).isEqualTo("SELECT `id`, CONCAT(`id`), CONCAT(`note`) FROM `shop`.`orders`"
                + " WHERE (`id` IN (?, ?)) AND (status <> 'x') ORDER BY `id`");
        assertThat(stmt.params()).containsExactly(3L, 9L);
    }

    @Test
    void rowsInRangesReadsSeveralRangesAtOnceUnderTheFilterInKeyOrder() {
        SqlStatement stmt = mysql.rows().rowsInRanges(orders("status <> 'x'"), List.of(
                new KeyRange(null, KeyValues.of(10L)), new KeyRange(KeyValues.of(20L), KeyValues.of(30L)),
                new KeyRange(KeyValues.of(90L), null)));

        assertThat(stmt.sql()).isEqualTo("SELECT `id`, CONCAT(`id`), CONCAT(`note`) FROM `shop`.`orders`"
                + " WHERE ((`id` <= ?) OR (`id` > ? AND `id` <= ?) OR (`id` > ?)) AND (status <> 'x') ORDER BY `id`");
        assertThat(stmt.params()).containsExactly(10L, 20L, 30L, 90L);
        assertThat(mysql.rows().rowsInRanges(orders(null), List.of(new KeyRange(KeyValues.of(1L), KeyValues.of(2L))))
                .sql()).as("one range: the plain range read").endsWith(" WHERE `id` > ? AND `id` <= ? ORDER BY `id`");
        assertThatThrownBy(() -> mysql.rows().rowsInRanges(orders(null), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsByKeysUsesEqualitiesForCompositeKeys() {
        Column a = col("a", ColumnKind.INTEGER, false);
        Column b = text("b", "utf8mb4", "utf8mb4_bin", false);
        SideTable t = new SideTable(new TableRef("s", "t"), List.of(a, b), List.of(a, b), null);

        SqlStatement stmt = mysql.rows().rowsByKeys(t, List.of(KeyValues.of(1L, "x"), KeyValues.of(2L, "y")));

        assertThat(stmt.sql()).isEqualTo("SELECT `a`, `b`, WEIGHT_STRING(`b`), CONCAT(`a`), CONCAT(`b`) FROM `s`.`t`"
                + " WHERE ((`a` = ? AND `b` = ?) OR (`a` = ? AND `b` = ?)) ORDER BY `a`, `b`");
        assertThat(stmt.params()).containsExactly(1L, "x", 2L, "y");
        assertThatThrownBy(() -> mysql.rows().rowsByKeys(t, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hex64ParsesTheDigestPrefixAsUnsigned() {
        assertThat(MySqlListings.hex64("0000000000000001".getBytes())).isEqualTo(1L);
        assertThat(MySqlListings.hex64("ffffffffffffffff".getBytes())).isEqualTo(-1L);
        assertThat(MySqlListings.hex64("8000000000000000".getBytes())).isEqualTo(Long.MIN_VALUE);
        assertThat(MySqlListings.hex64("0123456789abcdef".getBytes())).isEqualTo(0x0123456789abcdefL);
        assertThatThrownBy(() -> MySqlListings.hex64("0123".getBytes())).hasMessageContaining("16 hex digits");
        assertThatThrownBy(() -> MySqlListings.hex64("0123456789abcdeg".getBytes())).hasMessageContaining("hex digit");
    }

    @Test
    void quotesSchemaAndTableNames() {
        Column id = col("id", ColumnKind.INTEGER, false);
        SideTable t = new SideTable(new TableRef("my`db", "or`ders"), List.of(id), List.of(id), null);

        assertThat(mysql.chunks().keyAt(t, KeyRange.ALL, 0, false).sql()).contains(" FROM `my``db`.`or``ders` ");
    }
}
