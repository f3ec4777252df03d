package io.parity.engine.generic;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.engine.SqlStatement;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenericEngineTest {

    private final GenericEngine h2 = new GenericEngine("H2", "2.4.240");

    static Column col(String name, ColumnKind kind, String type) {
        return new Column(name, 1, type, kind, false, null, null, false);
    }

    static SideTable items() {
        Column order = col("order_id", ColumnKind.INTEGER, "BIGINT");
        Column line = col("line_no", ColumnKind.INTEGER, "INTEGER");
        return new SideTable(new TableRef("public", "order_items"), List.of(order, line),
                List.of(order, line, col("qty", ColumnKind.INTEGER, "INTEGER")), "qty > 0");
    }

    @Test
    void quotesWithDoubledDoubleQuotes() {
        assertThat(h2.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(h2.quote("select")).isEqualTo("\"select\"");
    }

    @Test
    void keyAtUsesStandardOffsetFetchWithBindParameters() {
        SqlStatement stmt = h2.chunks().keyAt(items(), new KeyRange(KeyValues.of(5L, 2L), null), 499, false);
        assertThat(stmt.sql()).isEqualTo("SELECT \"order_id\", \"line_no\" FROM \"public\".\"order_items\" WHERE"
                + " (\"order_id\" >= ? AND ((\"order_id\" > ?) OR (\"order_id\" = ? AND \"line_no\" > ?)))"
                + " ORDER BY \"order_id\", \"line_no\" OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY");
        assertThat(stmt.params()).containsExactly(5L, 5L, 5L, 2L, 499L);
    }

    @Test
    void rowsSelectKeyThenColumnsInKeyOrderUnderTheFilter() {
        SqlStatement stmt = h2.rows().rows(items(), KeyRange.ALL);
        assertThat(stmt.sql()).isEqualTo("SELECT \"order_id\", \"line_no\", \"order_id\", \"line_no\", \"qty\""
                + " FROM \"public\".\"order_items\" WHERE 1=1 AND (qty > 0) ORDER BY \"order_id\", \"line_no\"");
        assertThat(stmt.params()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "4, INTEGER, INTEGER", "-5, BIGINT, INTEGER", "3, NUMERIC, DECIMAL", "7, REAL, FLOAT",
            "8, DOUBLE PRECISION, DOUBLE", "93, TIMESTAMP, TEMPORAL", "2014, TIMESTAMP WITH TIME ZONE, TEMPORAL",
            "12, CHARACTER VARYING, TEXT", "2005, CHARACTER LARGE OBJECT, TEXT", "-3, BINARY VARYING, BINARY",
            "16, BOOLEAN, BIT", "1111, JSON, JSON", "1111, 'ENUM(''a'', ''b'')', TEXT", "2003, INTEGER ARRAY, UNSUPPORTED",
            "1111, GEOMETRY, UNSUPPORTED"})
    void classifiesByJdbcTypeThenName(int jdbcType, String typeName, ColumnKind expected) {
        assertThat(GenericCatalog.classify(jdbcType, typeName)).isEqualTo(expected);
    }

    @Test
    void columnTypesReadLikeDdl() {
        assertThat(GenericCatalog.columnType("NUMERIC", ColumnKind.DECIMAL, 12, 2)).isEqualTo("NUMERIC(12,2)");
        assertThat(GenericCatalog.columnType("TIMESTAMP WITH TIME ZONE", ColumnKind.TEMPORAL, 32, 6))
                .isEqualTo("TIMESTAMP(6) WITH TIME ZONE");
        assertThat(GenericCatalog.columnType("DATE", ColumnKind.TEMPORAL, 10, 0)).isEqualTo("DATE");
        assertThat(GenericCatalog.columnType("CHARACTER VARYING", ColumnKind.TEXT, 40, 0)).isEqualTo("CHARACTER VARYING(40)");
        assertThat(Types.TIMESTAMP_WITH_TIMEZONE).isEqualTo(2014);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|'plain'", "it's|'it''s'", "``|''", "café|U&'caf\\00e9'", "a\\b'|'a\\b'''",
            "tab\there|U&'tab\\0009here'", "😀|U&'\\+01f600'", "x\\y\u00e9'|U&'x\\\\y\\00e9'''"})
    void textLiteralsArePlainOrUnicodeEscaped(String text, String literal) {
        assertThat(StandardLiterals.text(text)).isEqualTo(literal);
    }

    @Test
    void typedLiteralsAreExact() {
        Column c = col("v", ColumnKind.DOUBLE, "DOUBLE PRECISION");
        assertThat(StandardLiterals.of(c, 0.1)).isEqualTo("CAST(0.1 AS DOUBLE PRECISION)");
        assertThat(StandardLiterals.of(c, Double.NaN)).isEqualTo("CAST('NaN' AS DOUBLE PRECISION)");
        assertThat(StandardLiterals.of(c, 16777216f)).isEqualTo("CAST(1.6777216E7 AS REAL)");
        assertThat(StandardLiterals.of(c, new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(StandardLiterals.of(c, new byte[] {0x61, 0})).isEqualTo("X'6100'");
        assertThat(StandardLiterals.of(c, LocalDateTime.parse("2024-01-01T00:00:00.000001")))
                .isEqualTo("TIMESTAMP '2024-01-01 00:00:00.000001000'");
        assertThat(StandardLiterals.of(c, OffsetDateTime.parse("2024-01-01T00:00+05:30")))
                .isEqualTo("TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00.000000000+05:30'");
        assertThat(StandardLiterals.of(c, null)).isEqualTo("NULL");
        assertThat(StandardLiterals.ofKey(col("t", ColumnKind.TEMPORAL, "TIMESTAMP(6)"), "2024-01-01 00:00:00.500000000"))
                .isEqualTo("TIMESTAMP '2024-01-01 00:00:00.500000000'");
    }
}
