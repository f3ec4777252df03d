package io.parity.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyChooserTest {

    private static Column col(String name, ColumnKind kind, boolean nullable) {
        return new Column(name, 1, kind.name().toLowerCase(), kind, nullable, null, null, false);
    }

    private static final List<Column> COLUMNS = List.of(
            col("a", ColumnKind.INTEGER, false),
            col("b", ColumnKind.TEXT, false),
            col("c", ColumnKind.BINARY, false),
            col("n", ColumnKind.INTEGER, true),
            col("f", ColumnKind.FLOAT, false),
            col("j", ColumnKind.JSON, false),
            col("t", ColumnKind.TEMPORAL, false),
            col("d", ColumnKind.DECIMAL, false));

    private static TableSchema table(UniqueKey... keys) {
        return new TableSchema(new TableRef("s", "t"), COLUMNS, List.of(keys), 0);
    }

    private static UniqueKey unique(String name, String... cols) {
        return new UniqueKey(name, false, List.of(cols));
    }

    @Test
    void prefersPrimaryEvenWhenAUniqueKeyHasFewerColumns() {
        TableSchema t = table(unique("u_c", "c"), new UniqueKey("PRIMARY", true, List.of("a", "b")));

        assertThat(KeyChooser.choose(t)).contains(List.of("a", "b"));
    }

    @Test
    void withoutPrimaryTakesUniqueKeyWithFewestColumns() {
        TableSchema t = table(unique("u_ab", "a", "b"), unique("u_tdc", "t", "d", "c"), unique("u_c", "c"));

        assertThat(KeyChooser.choose(t)).contains(List.of("c"));
    }

    @Test
    void skipsUniqueKeyWithNullableColumn() {
        TableSchema t = table(unique("u_n", "n"), unique("u_ab", "a", "b"));

        assertThat(KeyChooser.choose(t)).contains(List.of("a", "b"));
    }

    @Test
    void skipsUniqueKeyWithColumnThatIsNotKeyCapable() {
        TableSchema t = table(unique("u_f", "f"), unique("u_j", "j"), unique("u_td", "t", "d"));

        assertThat(KeyChooser.choose(t)).contains(List.of("t", "d"));
    }

    @Test
    void skipsKeyNamingAColumnThatDoesNotExist() {
        TableSchema t = table(unique("u_x", "x"), unique("u_ab", "a", "b"));

        assertThat(KeyChooser.choose(t)).contains(List.of("a", "b"));
    }

    @Test
    void keyColumnNamesKeepKeyOrder() {
        TableSchema t = table(new UniqueKey("PRIMARY", true, List.of("b", "a")));

        assertThat(KeyChooser.choose(t)).contains(List.of("b", "a"));
    }

    @Test
    void emptyWhenNoKeys() {
        assertThat(KeyChooser.choose(table())).isEmpty();
    }

    @Test
    void emptyWhenOnlyUnusableKeys() {
        assertThat(KeyChooser.choose(table(unique("u_n", "n"), unique("u_fa", "f", "a")))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ColumnKind.class)
    void keyCapableKinds(ColumnKind kind) {
        boolean expected = switch (kind) {
            case INTEGER, DECIMAL, TEMPORAL, TEXT, BINARY -> true;
            case FLOAT, DOUBLE, BIT, JSON, UNSUPPORTED -> false;
        };
        TableSchema t = new TableSchema(new TableRef("s", "t"), List.of(col("k", kind, false)),
                List.of(unique("u", "k")), 0);

        assertThat(KeyChooser.choose(t).isPresent()).isEqualTo(expected);
    }
}
