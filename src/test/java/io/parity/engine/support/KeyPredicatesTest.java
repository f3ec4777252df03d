package io.parity.engine.support;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyPredicatesTest {

    private static final List<String> ONE = List.of("`id`");
    private static final List<String> TWO = List.of("`a`", "`b`");
    private static final List<String> THREE = List.of("`a`", "`b`", "`c`");

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("whole range, one column", ONE, KeyRange.ALL, "1=1", List.of()),
                Arguments.of("whole range, three columns", THREE, KeyRange.ALL, "1=1", List.of()),
                Arguments.of("lower only, one column", ONE, new KeyRange(KeyValues.of(5L), null),
                        "`id` > ?", List.of(5L)),
                Arguments.of("upper only, one column", ONE, new KeyRange(null, KeyValues.of(9L)),
                        "`id` <= ?", List.of(9L)),
                Arguments.of("both, one column", ONE, new KeyRange(KeyValues.of(5L), KeyValues.of(9L)),
                        "`id` > ? AND `id` <= ?", List.of(5L, 9L)),
                Arguments.of("lower only, two columns", TWO, new KeyRange(KeyValues.of(1L, "x"), null),
                        "(`a` >= ? AND ((`a` > ?) OR (`a` = ? AND `b` > ?)))", List.of(1L, 1L, 1L, "x")),
                Arguments.of("upper only, two columns", TWO, new KeyRange(null, KeyValues.of(3L, "y")),
                        "(`a` <= ? AND ((`a` < ?) OR (`a` = ? AND `b` <= ?)))", List.of(3L, 3L, 3L, "y")),
                Arguments.of("both, two columns", TWO, new KeyRange(KeyValues.of(1L, "x"), KeyValues.of(3L, "y")),
                        "(`a` >= ? AND ((`a` > ?) OR (`a` = ? AND `b` > ?)))"
                                + " AND (`a` <= ? AND ((`a` < ?) OR (`a` = ? AND `b` <= ?)))",
                        List.of(1L, 1L, 1L, "x", 3L, 3L, 3L, "y")),
                Arguments.of("lower only, three columns", THREE, new KeyRange(KeyValues.of(1L, 2L, 3L), null),
                        "(`a` >= ? AND ((`a` > ?) OR (`a` = ? AND `b` > ?) OR (`a` = ? AND `b` = ? AND `c` > ?)))",
                        List.of(1L, 1L, 1L, 2L, 1L, 2L, 3L)),
                Arguments.of("upper only, three columns", THREE, new KeyRange(null, KeyValues.of(7L, 8L, 9L)),
                        "(`a` <= ? AND ((`a` < ?) OR (`a` = ? AND `b` < ?) OR (`a` = ? AND `b` = ? AND `c` <= ?)))",
                        List.of(7L, 7L, 7L, 8L, 7L, 8L, 9L)),
                Arguments.of("both, three columns", THREE,
                        new KeyRange(KeyValues.of(1L, 2L, 3L), KeyValues.of(7L, 8L, 9L)),
                        "(`a` >= ? AND ((`a` > ?) OR (`a` = ? AND `b` > ?) OR (`a` = ? AND `b` = ? AND `c` > ?)))"
                                + " AND (`a` <= ? AND ((`a` < ?) OR (`a` = ? AND `b` < ?) OR (`a` = ? AND `b` = ? AND `c` <= ?)))",
                        List.of(1L, 1L, 1L, 2L, 1L, 2L, 3L, 7L, 7L, 7L, 8L, 7L, 8L, 9L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void buildsPredicateAndParametersInOrder(String name, List<String> key, KeyRange range, String expectedSql,
                                             List<Object> expectedParams) {
        StringBuilder sql = new StringBuilder("SELECT 1 WHERE ");
        List<Object> params = new ArrayList<>(List.of("earlier"));

        KeyPredicates.append(sql, params, key, range);

        assertThat(sql.toString()).isEqualTo("SELECT 1 WHERE " + expectedSql);
        List<Object> all = new ArrayList<>(List.of("earlier"));
        all.addAll(expectedParams);
        assertThat(params).containsExactlyElementsOf(all);
    }

    @Test
    void binaryKeyValuesAreBoundAsTheirBytes() {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();

        KeyPredicates.append(sql, params, ONE, new KeyRange(KeyValues.of((Object) new byte[] {0x00, (byte) 0xff}), null));

        assertThat(params).hasSize(1);
        assertThat((byte[]) params.get(0)).containsExactly(0x00, 0xff);
    }

    @Test
    void rejectsBoundWithWrongNumberOfValues() {
        List<Object> params = new ArrayList<>();

        assertThatThrownBy(() -> KeyPredicates.append(new StringBuilder(), params, TWO,
                new KeyRange(KeyValues.of(1L), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key has 1 values for 2 columns");
    }
}
