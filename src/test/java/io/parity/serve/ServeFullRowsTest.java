package io.parity.serve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The files {@code parity serve} keeps to the host: repair and undo SQL carry whole rows whatever reports mask. */
class ServeFullRowsTest {

    @ParameterizedTest
    @CsvSource({
            "shop/3/repair/shop.orders.sql, true",
            "shop/3/undo/shop.orders.sql, true",
            "shop/3/repair/shop.orders.progress.json, true",
            "shop/3/extra.sql, true",
            "shop/3/report.html, false",
            "shop/3/diffs.jsonl, false",
            "repairs/3/summary.json, false"})
    void repairAndUndoFilesAreNotServed(String relative, boolean kept) {
        assertThat(ServeHttp.fullRows(Path.of(relative))).isEqualTo(kept);
    }
}
