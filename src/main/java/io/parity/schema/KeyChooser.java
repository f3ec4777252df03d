package io.parity.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the columns that identify a row: the primary key, else the unique key with the fewest columns whose columns
 * are all NOT NULL and of a key-capable kind. A nullable unique key does not identify rows (many NULLs may coexist).
 */
public final class KeyChooser {

    private KeyChooser() {
    }

    public static Optional<List<String>> choose(TableSchema table) {
        return table.uniqueKeys().stream()
                .filter(k -> k.columns().stream().allMatch(name -> usable(table, name)))
                .min(Comparator.comparing((UniqueKey k) -> !k.primary()).thenComparing(k -> k.columns().size()))
                .map(UniqueKey::columns);
    }

    private static boolean usable(TableSchema table, String name) {
        return table.column(name).map(c -> !c.nullable() && c.keyCapable()).orElse(false);
    }
}
