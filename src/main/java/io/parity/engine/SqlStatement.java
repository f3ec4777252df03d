package io.parity.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** SQL text with its bind parameters, in order. Values never appear in the text. */
public record SqlStatement(String sql, List<Object> params) {

    public SqlStatement {
        params = List.copyOf(params);
    }

    /** A statement without parameters. */
    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, List.of());
    }

    /**
     * This statement returning at most {@code rows} rows ({@code LIMIT ?}, which MySQL, MariaDB, PostgreSQL and H2
     * share), or itself when {@code rows} is not positive.
     */
    public SqlStatement limit(int rows) {
        if (rows <= 0) {
            return this;
        }
        List<Object> bound = new java.util.ArrayList<>(params);
        bound.add(rows);
        return new SqlStatement(sql + " LIMIT ?", bound);
    }

    /** Prepares the statement on {@code connection} with its parameters bound; the caller closes it. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            bind(ps);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    /** Binds the parameters to an already prepared statement of this text. */
    public void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
