package io.parity.reconcile;

import io.parity.core.DiffKind;
import io.parity.core.KeyValues;
import io.parity.core.RowDiff;
import io.parity.core.RowImage;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowMergerTest {

    private static final Column ID = new Column("id", 1, "bigint(20)", ColumnKind.INTEGER, false, null, null, false);
    private static final List<String> COLUMNS = List.of("id", "name", "note");

    private final RowMerger merger = new RowMerger("shop.orders", new KeyOrder(List.of(ID)), COLUMNS);

    private static RowImage row(long id, String name, String note) {
        return new RowImage(KeyValues.of(id), new byte[1][],
                new byte[][] {bytes(Long.toString(id)), bytes(name), bytes(note)});
    }

    private static RowImage row(long id) {
        return row(id, "n" + id, "x");
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<RowImage> rows(String ids) {
        List<RowImage> out = new ArrayList<>();
        if (ids != null && !ids.isBlank()) {
            Arrays.stream(ids.trim().split(" ")).forEach(id -> out.add(row(Long.parseLong(id))));
        }
        return out;
    }

    private static String describe(List<RowDiff> diffs) {
        return String.join(" ", diffs.stream().map(d -> d.kind().name().charAt(0) + d.key().get(0).toString()).toList());
    }

    @ParameterizedTest(name = "[{0}] vs [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "               |               | ''",
            "1 2 3          | 1 2 3         | ''",
            "1 2 3          |               | M1 M2 M3",
            "               | 1 2 3         | E1 E2 E3",
            "1 2 4 6        | 2 3 4 5 7     | M1 E3 E5 M6 E7",
            "1 3 5          | 2 4 6         | M1 E2 M3 E4 M5 E6",
            "5 6            | 1 2           | E1 E2 M5 M6",
            "1 2            | 5 6           | M1 M2 E5 E6",
            "1 2 3 4        | 2 3           | M1 M4",
            "2 3            | 1 2 3 4       | E1 E4",
            "1              | 1 1           | E1",
            "1 2            | 1 1 1 2       | E1 E1",
            "1 1            | 1             | M1",
            "-5 0 5         | -5 5          | M0",
    })
    void reportsMissingAndExtraInKeyOrder(String source, String destination, String expected) {
        List<RowDiff> diffs = merger.merge(rows(source), rows(destination));

        assertThat(describe(diffs)).isEqualTo(expected == null ? "" : expected);
        assertThat(diffs).allSatisfy(d -> {
            assertThat(d.tableId()).isEqualTo("shop.orders");
            assertThat(d.columns()).isEmpty();
        });
    }

    @Test
    void changedRowNamesExactlyTheDifferingColumns() {
        List<RowDiff> diffs = merger.merge(
                List.of(row(1, "a", "x"), row(2, "b", "y"), row(3, "c", "z")),
                List.of(row(1, "a", "x"), row(2, "B", "y"), row(3, "C", "Z")));

        assertThat(diffs).containsExactly(
                new RowDiff("shop.orders", KeyValues.of(2L), DiffKind.CHANGED, List.of("name")),
                new RowDiff("shop.orders", KeyValues.of(3L), DiffKind.CHANGED, List.of("name", "note")));
    }

    @Test
    void nullDiffersFromEmpty() {
        List<RowDiff> diffs = merger.merge(List.of(row(1, "a", null)), List.of(row(1, "a", "")));

        assertThat(diffs).containsExactly(new RowDiff("shop.orders", KeyValues.of(1L), DiffKind.CHANGED, List.of("note")));
    }

    @Test
    void emptyDiffersFromNull() {
        List<RowDiff> diffs = merger.merge(List.of(row(1, "", "x")), List.of(row(1, null, "x")));

        assertThat(diffs).containsExactly(new RowDiff("shop.orders", KeyValues.of(1L), DiffKind.CHANGED, List.of("name")));
    }

    @Test
    void nullEqualsNull() {
        assertThat(merger.merge(List.of(row(1, null, null)), List.of(row(1, null, null)))).isEmpty();
    }

    @Test
    void trailingZeroByteIsAChange() {
        RowImage src = new RowImage(KeyValues.of(1L), new byte[1][], new byte[][] {{0x31}, {0x01}, {}});
        RowImage dst = new RowImage(KeyValues.of(1L), new byte[1][], new byte[][] {{0x31}, {0x01, 0x00}, {}});

        assertThat(merger.merge(List.of(src), List.of(dst))).extracting(RowDiff::columns)
                .containsExactly(List.of("name"));
    }

    @Test
    void duplicateOnDestinationPairsFirstAndReportsOneExtraWithDestinationKey() {
        List<RowDiff> diffs = merger.merge(List.of(row(1, "a", "x"), row(2)),
                List.of(row(1, "a", "x"), row(1, "dup", "x"), row(2)));

        assertThat(diffs).containsExactly(new RowDiff("shop.orders", KeyValues.of(1L), DiffKind.EXTRA, List.of()));
    }

    @Test
    void missingCarriesSourceKeyAndExtraDestinationKey() {
        List<RowDiff> diffs = merger.merge(List.of(row(10)), List.of(row(20)));

        assertThat(diffs).containsExactly(
                new RowDiff("shop.orders", KeyValues.of(10L), DiffKind.MISSING, List.of()),
                new RowDiff("shop.orders", KeyValues.of(20L), DiffKind.EXTRA, List.of()));
    }

    @Test
    void caseInsensitiveKeyPairsRowsAndReportsChangedKeyColumn() {
        Column code = new Column("code", 1, "varchar(8)", ColumnKind.TEXT, false, "utf8mb4", "utf8mb4_general_ci", false);
        RowMerger byCode = new RowMerger("shop.items", new KeyOrder(List.of(code)), List.of("code", "qty"));
        byte[] weightAbc = {0x41, 0x42, 0x43};
        RowImage src = new RowImage(KeyValues.of("abc"), new byte[][] {weightAbc}, new byte[][] {bytes("abc"), bytes("1")});
        RowImage dst = new RowImage(KeyValues.of("ABC"), new byte[][] {weightAbc.clone()},
                new byte[][] {bytes("ABC"), bytes("1")});

        List<RowDiff> diffs = byCode.merge(List.of(src), List.of(dst));

        assertThat(diffs).containsExactly(new RowDiff("shop.items", KeyValues.of("abc"), DiffKind.CHANGED, List.of("code")));
    }

    @Test
    void collatedKeyOrderFollowsWeightsNotJavaStringOrder() {
        // Under the server's collation 'b' sorts before 'a' here; Java String order would say the opposite.
        Column code = new Column("code", 1, "varchar(8)", ColumnKind.TEXT, false, "utf8mb4", "custom_ci", false);
        RowMerger byCode = new RowMerger("t", new KeyOrder(List.of(code)), List.of("code"));
        RowImage b = new RowImage(KeyValues.of("b"), new byte[][] {{0x01}}, new byte[][] {bytes("b")});
        RowImage a = new RowImage(KeyValues.of("a"), new byte[][] {{0x02}}, new byte[][] {bytes("a")});

        assertThat(byCode.merge(List.of(b, a), List.of(b, a))).isEmpty();
        assertThat(byCode.merge(List.of(b, a), List.of(a))).extracting(RowDiff::kind, d -> d.key().get(0))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DiffKind.MISSING, "b"));
    }
}
