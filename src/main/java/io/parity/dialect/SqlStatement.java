package io.parity.dialect;

import java.util.List;

/** SQL text with its bind parameters, in order. Values never appear in the text. */
public record SqlStatement(String sql, List<Object> params) {

    public SqlStatement {
        params = List.copyOf(params);
    }
}
