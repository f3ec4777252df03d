package io.parity.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatementTest {

    @Test
    void aLimitIsOneMoreParameterAfterTheOthers() {
        SqlStatement stmt = new SqlStatement("SELECT id FROM t WHERE id > ? ORDER BY id", List.of(5L));
        SqlStatement limited = stmt.limit(20_001);
        assertThat(limited.sql()).isEqualTo("SELECT id FROM t WHERE id > ? ORDER BY id LIMIT ?");
        assertThat(limited.params()).containsExactly(5L, 20_001);
        assertThat(stmt.params()).containsExactly(5L);
        assertThat(stmt.limit(0)).isSameAs(stmt);
    }
}
