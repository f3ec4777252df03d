package io.parity.report;

import io.parity.core.KeyValues;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.TablePlan;
import io.parity.schema.TableRef;
import io.parity.spec.ReportPolicy;
import io.parity.spec.SampleMode;
import io.parity.spec.Secret;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which values each mode and {@code columns.mask} hide, for key columns, other columns and tables without a key. */
class ReportMaskTest {

    private static final Secret KEY = Secret.of("a-mask-key-of-enough-length");
    private static final KeyedHash HASH = new KeyedHash(KEY);

    private static Column column(String name, ColumnKind kind) {
        return new Column(name, 1, kind.name().toLowerCase(), kind, true, null, null, false);
    }

    /** shop.customers (key id, email text, note text) and shop.log (no key). */
    private static List<TablePlan> plans(List<String> masked) {
        Column id = column("id", ColumnKind.INTEGER);
        List<Column> columns = List.of(id, column("email", ColumnKind.TEXT), column("note", ColumnKind.TEXT));
        SideTable customers = new SideTable(new TableRef("shop", "customers"), List.of(id), columns, null);
        SideTable log = new SideTable(new TableRef("shop", "log"), List.of(), List.of(column("line", ColumnKind.TEXT)),
                null);
        return List.of(new TablePlan("shop.customers", customers, customers, List.of(), true, 1).withMasked(masked),
                new TablePlan("shop.log", log, log, List.of(), true, 1));
    }

    private static ReportMask mask(SampleMode mode, List<String> masked) {
        return ReportMask.of(new ReportPolicy(mode, KEY), plans(masked));
    }

    private static List<String> sample(ReportMask mask, List<String> values) {
        return new SampleMasking(mask, plans(List.of("ID", "Email")).get(0)).values(values);
    }

    @Test
    void fullShowsEverythingAsToday() {
        ReportMask full = ReportMask.full();
        assertThat(full.showsValues()).isTrue();
        assertThat(full.keyText("shop.customers", List.of("id", "region"), KeyValues.of(7, "eu")))
                .isEqualTo("id=7, region='eu'");
        assertThat(full.keyJson("shop.log", List.of(), KeyValues.of("ab12"))).containsEntry("row-sha1", "ab12");
        assertThat(new SampleMasking(full, plans(List.of()).get(0)).values(Arrays.asList("7", "a@b.c", null)))
                .containsExactly("7", "a@b.c", null);
    }

    @Test
    void maskedHashesEveryValueButTheKeyAndKeepsNull() {
        ReportMask mask = mask(SampleMode.MASKED, List.of());
        SampleMasking table = new SampleMasking(mask, plans(List.of()).get(0));
        assertThat(table.values(Arrays.asList("7", "a@b.c", null))).containsExactly("7", HASH.of("a@b.c"), null);
        assertThat(table.unmasked(List.of("email", "note"))).isEmpty();
        assertThat(mask.keyText("shop.customers", List.of("id"), KeyValues.of(7))).isEqualTo("id=7");
        assertThat(mask.keyJson("shop.customers", List.of("id"), KeyValues.of(7))).containsEntry("id", 7);
    }

    @Test
    void columnsMaskHidesNamedColumnsInFullModeKeyColumnsIncluded() {
        ReportMask mask = mask(SampleMode.FULL, List.of("id", "email"));
        SampleMasking table = new SampleMasking(mask, plans(List.of("id", "email")).get(0));
        assertThat(table.values(List.of("7", "a@b.c", "hello"))).containsExactly(HASH.of("7"), HASH.of("a@b.c"), "hello");
        assertThat(table.unmasked(List.of("email", "note"))).containsExactly("note");
        assertThat(mask.keyText("shop.customers", List.of("id"), KeyValues.of(7))).isEqualTo("id=" + HASH.of("7"));
        assertThat(mask.keyJson("shop.customers", List.of("id"), KeyValues.of(7))).containsEntry("id", HASH.of("7"));
        assertThat(mask.keyText("shop.log", List.of(), KeyValues.of("ab12")))
                .as("another table's row hash is no value of a masked table").isEqualTo("row-sha1='ab12'");
    }

    @Test
    void namesInColumnsMaskMatchWhateverTheirCase() {
        assertThat(sample(mask(SampleMode.FULL, List.of("ID", "Email")), List.of("7", "a@b.c", "n")))
                .containsExactly(HASH.of("7"), HASH.of("a@b.c"), "n");
    }

    @Test
    void aRowHashIsMaskedWhenTheRowsValuesAre() {
        assertThat(mask(SampleMode.MASKED, List.of()).keyJson("shop.log", List.of(), KeyValues.of("ab12")))
                .containsEntry("row-sha1", HASH.of("ab12"));
        assertThat(mask(SampleMode.NONE, List.of()).keyJson("shop.log", List.of(), KeyValues.of("ab12")))
                .as("none: the row hash is the only way to find the row").containsEntry("row-sha1", "ab12");
    }

    @Test
    void noneShowsNoValuesAndNeedsNoKey() {
        ReportMask none = ReportMask.of(new ReportPolicy(SampleMode.NONE, Secret.none()), plans(List.of()));
        assertThat(none.showsValues()).isFalse();
        assertThat(none.keyText("shop.customers", List.of("id"), KeyValues.of(7))).isEqualTo("id=7");
    }
}
