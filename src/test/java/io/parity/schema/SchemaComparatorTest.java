package io.parity.schema;

import io.parity.schema.SchemaComparator.Result;
import io.parity.schema.SchemaFinding.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SchemaComparatorTest {

    private static final String CI = "utf8mb4_general_ci";
    private static final UniqueKey PK = new UniqueKey("PRIMARY", true, List.of("id"));

    private final SchemaComparator comparator = new SchemaComparator();

    private static Column col(String name, int ordinal, String type, ColumnKind kind, boolean nullable) {
        return new Column(name, ordinal, type, kind, nullable, null, null, false);
    }

    private static Column text(String name, int ordinal, boolean nullable, String collation) {
        return new Column(name, ordinal, "varchar(32)", ColumnKind.TEXT, nullable, "utf8mb4", collation, false);
    }

    private static Column generated(String name, int ordinal) {
        return new Column(name, ordinal, "int", ColumnKind.INTEGER, true, null, null, true);
    }

    private static Column id() {
        return col("id", 1, "bigint(20)", ColumnKind.INTEGER, false);
    }

    private static TableSchema table(String schema, List<Column> columns, UniqueKey... keys) {
        return new TableSchema(new TableRef(schema, "orders"), columns, List.of(keys), 100);
    }

    private Result compare(List<Column> source, List<Column> destination) {
        return comparator.compare(table("src", source, PK), table("dst", destination, PK), List.of("id"), Set.of());
    }

    @Test
    void identicalTablesHaveNoFindings() {
        List<Column> cols = List.of(id(), text("name", 2, false, CI), col("qty", 3, "int", ColumnKind.INTEGER, true));

        Result r = compare(cols, cols);

        assertThat(r.findings()).isEmpty();
        assertThat(r.comparable()).isTrue();
        assertThat(r.sourceColumns()).isEqualTo(cols);
        assertThat(r.destinationColumns()).isEqualTo(cols);
        assertThat(r.sourceKey()).containsExactly(id());
        assertThat(r.destinationKey()).containsExactly(id());
    }

    @Test
    void columnOnlyOnSourceIsMissingAndNotCompared() {
        Result r = compare(List.of(id(), col("note", 2, "text", ColumnKind.TEXT, true)), List.of(id()));

        assertThat(r.findings()).extracting(SchemaFinding::kind, SchemaFinding::column)
                .containsExactly(tuple(Kind.COLUMN_MISSING, "note"));
        assertThat(r.findings().get(0).detail()).contains("text");
        assertThat(r.sourceColumns()).extracting(Column::name).containsExactly("id");
        assertThat(r.destinationColumns()).extracting(Column::name).containsExactly("id");
        assertThat(r.comparable()).isTrue();
    }

    @Test
    void columnOnlyOnDestinationIsExtraAndNotCompared() {
        Result r = compare(List.of(id()), List.of(id(), col("added", 2, "datetime", ColumnKind.TEMPORAL, true)));

        assertThat(r.findings()).extracting(SchemaFinding::kind, SchemaFinding::column)
                .containsExactly(tuple(Kind.COLUMN_EXTRA, "added"));
        assertThat(r.findings().get(0).detail()).contains("datetime");
        assertThat(r.destinationColumns()).extracting(Column::name).containsExactly("id");
    }

    @Test
    void renamedColumnsPairWithTheirNewNamesAndAnOldNameLeftOnTheDestinationIsExtra() {
        Result r = comparator.compare(
                table("src", List.of(id(), col("full_name", 2, "int", ColumnKind.INTEGER, false),
                        col("qty", 3, "int", ColumnKind.INTEGER, false)), PK),
                table("dst", List.of(col("ident", 1, "bigint(20)", ColumnKind.INTEGER, false),
                        col("Name", 2, "int", ColumnKind.INTEGER, false),
                        col("full_name", 3, "int", ColumnKind.INTEGER, false),
                        col("qty", 4, "int", ColumnKind.INTEGER, false)), PK),
                List.of("id"), Set.of(), false, java.util.Map.of("id", "ident", "FULL_NAME", "name"));

        assertThat(r.sourceColumns()).extracting(Column::name).containsExactly("id", "full_name", "qty");
        assertThat(r.destinationColumns()).extracting(Column::name).containsExactly("ident", "Name", "qty");
        assertThat(r.destinationKey()).extracting(Column::name).containsExactly("ident");
        assertThat(r.findings()).extracting(SchemaFinding::kind, SchemaFinding::column)
                .containsExactly(tuple(Kind.COLUMN_EXTRA, "full_name"));
        assertThat(r.comparable()).isTrue();
    }

    @Test
    void columnNamesMatchCaseInsensitivelyAndFollowSourceOrder() {
        Result r = compare(
                List.of(id(), col("b", 2, "int", ColumnKind.INTEGER, false), col("a", 3, "int", ColumnKind.INTEGER, false)),
                List.of(col("A", 1, "int", ColumnKind.INTEGER, false), col("ID", 2, "bigint(20)", ColumnKind.INTEGER, false),
                        col("B", 3, "int", ColumnKind.INTEGER, false)));

        assertThat(r.findings()).isEmpty();
        assertThat(r.sourceColumns()).extracting(Column::name).containsExactly("id", "b", "a");
        assertThat(r.destinationColumns()).extracting(Column::name).containsExactly("ID", "B", "A");
    }

    @Test
    void typeDifferenceIsAFindingButTypeCaseIsNot() {
        Result r = compare(
                List.of(id(), col("qty", 2, "int(11)", ColumnKind.INTEGER, false), col("n", 3, "INT", ColumnKind.INTEGER, false)),
                List.of(id(), col("qty", 2, "bigint(20)", ColumnKind.INTEGER, false), col("n", 3, "int", ColumnKind.INTEGER, false)));

        assertThat(r.findings()).extracting(SchemaFinding::kind, SchemaFinding::column)
                .containsExactly(tuple(Kind.TYPE_DIFFERENT, "qty"));
        assertThat(r.findings().get(0).detail()).isEqualTo("int(11) on the source, bigint(20) on the destination");
        assertThat(r.comparable()).isTrue();
    }

    @Test
    void nullabilityDifferenceIsAFindingAndBothSidesBecomeNullable() {
        Result r = compare(List.of(id(), col("qty", 2, "int", ColumnKind.INTEGER, false)),
                List.of(id(), col("qty", 2, "int", ColumnKind.INTEGER, true)));

        assertThat(r.findings()).extracting(SchemaFinding::kind, SchemaFinding::column, SchemaFinding::detail)
                .containsExactly(tuple(Kind.NULLABILITY_DIFFERENT, "qty", "NOT NULL on the source, NULL on the destination"));
        assertThat(r.sourceColumns().get(1).nullable()).isTrue();
        assertThat(r.destinationColumns().get(1).nullable()).isTrue();
        assertThat(r.sourceColumns().get(0).nullable()).isFalse();
    }

    @Test
    void nullableOnSourceOnlyAlsoHarmonises() {
        Result r = compare(List.of(id(), col("qty", 2, "int", ColumnKind.INTEGER, true)),
                List.of(id(), col("qty", 2, "int", ColumnKind.INTEGER, false)));

        assertThat(r.sourceColumns().get(1).nullable()).isTrue();
        assertThat(r.destinationColumns().get(1).nullable()).isTrue();
    }

    @Test
    void collationDifferenceOnNonKeyColumnIsAFindingButComparable() {
        Result r = compare(List.of(id(), text("name", 2, false, CI)), List.of(id(), text("name", 2, false, "utf8mb4_bin")));

        assertThat(r.findings()).extracting(SchemaFinding::kind, SchemaFinding::column, SchemaFinding::detail)
                .containsExactly(tuple(Kind.COLLATION_DIFFERENT, "name", CI + " on the source, utf8mb4_bin on the destination"));
        assertThat(r.comparable()).isTrue();
    }

    @Test
    void freeFormOnEitherSideMakesBothText() {
        Result r = compare(List.of(id(), col("code", 2, "int", ColumnKind.INTEGER, false)),
                List.of(id(), col("code", 2, "varchar(10)", ColumnKind.TEXT, false)));

        assertThat(r.sourceColumns().get(1).kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(r.destinationColumns().get(1).kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(r.sourceColumns().get(1).columnType()).isEqualTo("int");
        assertThat(r.findings()).extracting(SchemaFinding::kind).containsExactly(Kind.TYPE_DIFFERENT);
    }

    @Test
    void freeFormKindIsKeptWhenBothSidesAreFreeForm() {
        Result r = compare(List.of(id(), col("doc", 2, "json", ColumnKind.JSON, false)),
                List.of(id(), col("doc", 2, "longtext", ColumnKind.TEXT, false)));

        assertThat(r.sourceColumns().get(1).kind()).isEqualTo(ColumnKind.JSON);
        assertThat(r.destinationColumns().get(1).kind()).isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void nonFreeFormPairsKeepTheirKinds() {
        Result r = compare(List.of(id(), col("x", 2, "float", ColumnKind.FLOAT, false)),
                List.of(id(), col("x", 2, "double", ColumnKind.DOUBLE, false)));

        assertThat(r.sourceColumns().get(1).kind()).isEqualTo(ColumnKind.FLOAT);
        assertThat(r.destinationColumns().get(1).kind()).isEqualTo(ColumnKind.DOUBLE);
    }

    @Test
    void generatedColumnsAreComparedLikeTheOthers() {
        Result r = compare(List.of(id(), generated("total", 2), generated("only_src", 3)),
                List.of(id(), generated("total", 2), generated("only_dst", 3)));

        assertThat(r.findings()).extracting(SchemaFinding::toString).containsExactly(
                "column-missing only_src: on the source (int) but not on the destination",
                "column-extra only_dst: on the destination (int) but not on the source");
        assertThat(r.sourceColumns()).extracting(Column::name).containsExactly("id", "total");
        assertThat(r.destinationColumns()).extracting(Column::name).containsExactly("id", "total");
        assertThat(r.destinationColumns().get(1).generated()).as("repair never writes it").isTrue();
    }

    @Test
    void ignoredColumnsAreSkippedCaseInsensitivelyOnBothSides() {
        TableSchema src = table("src", List.of(id(), col("updated_at", 2, "datetime", ColumnKind.TEMPORAL, false),
                col("src_only", 3, "int", ColumnKind.INTEGER, false)), PK);
        TableSchema dst = table("dst", List.of(id(), col("UPDATED_AT", 2, "timestamp", ColumnKind.TEMPORAL, true),
                col("dst_only", 3, "int", ColumnKind.INTEGER, false)), PK);

        Result r = comparator.compare(src, dst, List.of("id"), Set.of("Updated_At", "src_only", "DST_ONLY"));

        assertThat(r.findings()).isEmpty();
        assertThat(r.sourceColumns()).extracting(Column::name).containsExactly("id");
        assertThat(r.destinationColumns()).extracting(Column::name).containsExactly("id");
    }

    @Test
    void keyCollationDifferenceIsComparedInKeyByteOrder() {
        UniqueKey codeKey = new UniqueKey("PRIMARY", true, List.of("code"));
        TableSchema src = table("src", List.of(text("code", 1, false, CI)), codeKey);
        TableSchema dst = table("dst", List.of(text("code", 1, false, "utf8mb4_bin")), codeKey);

        Result r = comparator.compare(src, dst, List.of("code"), Set.of());

        assertThat(r.comparable()).isTrue();
        assertThat(r.keyBytesOrder()).isTrue();
        assertThat(r.findings()).extracting(SchemaFinding::kind, SchemaFinding::column)
                .containsExactly(tuple(Kind.COLLATION_DIFFERENT, "code"));
    }

    @Test
    void sameKeyCollationKeepsTheServersOrder() {
        UniqueKey codeKey = new UniqueKey("PRIMARY", true, List.of("code"));
        TableSchema src = table("src", List.of(text("code", 1, false, CI)), codeKey);
        TableSchema dst = table("dst", List.of(text("code", 1, false, CI)), codeKey);

        Result r = comparator.compare(src, dst, List.of("code"), Set.of());

        assertThat(r.comparable()).isTrue();
        assertThat(r.keyBytesOrder()).isFalse();
    }

    @Test
    void keyKindDifferenceMakesTableIncomparable() {
        UniqueKey key = new UniqueKey("PRIMARY", true, List.of("id"));
        TableSchema src = table("src", List.of(id()), key);
        TableSchema dst = table("dst", List.of(col("id", 1, "binary(8)", ColumnKind.BINARY, false)), key);

        Result r = comparator.compare(src, dst, List.of("id"), Set.of());

        assertThat(r.comparable()).isFalse();
        assertThat(r.findings()).extracting(SchemaFinding::kind).contains(Kind.KEY_DIFFERENT);
    }

    @Test
    void keyColumnMissingOnDestinationMakesTableIncomparable() {
        UniqueKey key = new UniqueKey("PRIMARY", true, List.of("id", "line"));
        TableSchema src = table("src", List.of(id(), col("line", 2, "int", ColumnKind.INTEGER, false)), key);
        TableSchema dst = table("dst", List.of(id()), PK);

        Result r = comparator.compare(src, dst, List.of("id", "line"), Set.of());

        assertThat(r.comparable()).isFalse();
        assertThat(r.findings()).extracting(SchemaFinding::kind, SchemaFinding::column)
                .containsExactly(tuple(Kind.COLUMN_MISSING, "line"), tuple(Kind.KEY_DIFFERENT, null));
        assertThat(r.sourceKey()).extracting(Column::name).containsExactly("id");
    }

    @Test
    void destinationWithoutUniqueKeyOnKeyColumnsIsAFindingButComparable() {
        TableSchema src = table("src", List.of(id(), col("x", 2, "int", ColumnKind.INTEGER, false)), PK);
        TableSchema dst = table("dst", List.of(id(), col("x", 2, "int", ColumnKind.INTEGER, false)),
                new UniqueKey("ux", false, List.of("id", "x")));

        Result r = comparator.compare(src, dst, List.of("id"), Set.of());

        assertThat(r.comparable()).isTrue();
        assertThat(r.findings()).extracting(SchemaFinding::kind, SchemaFinding::column)
                .containsExactly(tuple(Kind.KEY_DIFFERENT, null));
        assertThat(r.findings().get(0).detail()).contains("no unique key on [id]");
    }

    @Test
    void destinationUniqueKeyMatchesKeyNamesCaseInsensitively() {
        UniqueKey upper = new UniqueKey("ux", false, List.of("ID", "LINE"));
        List<Column> cols = List.of(id(), col("line", 2, "int", ColumnKind.INTEGER, false));
        TableSchema src = table("src", cols, new UniqueKey("PRIMARY", true, List.of("id", "line")));
        TableSchema dst = table("dst", cols, upper);

        Result r = comparator.compare(src, dst, List.of("id", "line"), Set.of());

        assertThat(r.findings()).isEmpty();
        assertThat(r.comparable()).isTrue();
    }

    @Test
    void keyColumnsFollowKeyOrderNotColumnOrder() {
        List<Column> cols = List.of(id(), col("line", 2, "int", ColumnKind.INTEGER, false));
        UniqueKey key = new UniqueKey("PRIMARY", true, List.of("line", "id"));

        Result r = comparator.compare(table("src", cols, key), table("dst", cols, key), List.of("line", "id"), Set.of());

        assertThat(r.sourceKey()).extracting(Column::name).containsExactly("line", "id");
        assertThat(r.destinationKey()).extracting(Column::name).containsExactly("line", "id");
    }
}
