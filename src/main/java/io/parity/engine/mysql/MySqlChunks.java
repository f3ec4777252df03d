package io.parity.engine.mysql;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.engine.ChunkQueries;
import io.parity.engine.RowEstimates;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The keyset walk, and InnoDB's row estimates for arithmetic cuts. */
class MySqlChunks implements ChunkQueries, RowEstimates {

    private final MySqlSql sql;

    MySqlChunks(MySqlSql sql) {
        this.sql = sql;
    }

    @Override
    public SqlStatement keyAt(SideTable table, KeyRange range, long offset, boolean filtered) {
        return sql.keyAt(table, range, offset, filtered);
    }

    @Override
    public KeyValues readKey(ResultSet rs, SideTable table) throws SQLException {
        return sql.keys().read(rs, table);
    }

    @Override
    public Optional<RowEstimates> estimates() {
        return Optional.of(this);
    }

    /** {@code EXPLAIN SELECT 1 FROM t WHERE <range>}: InnoDB answers a primary-key range with two index dives. */
    @Override
    public SqlStatement rowEstimate(SideTable table, KeyRange range) {
        List<Object> params = new ArrayList<>();
        StringBuilder query = new StringBuilder("EXPLAIN SELECT 1 FROM ").append(sql.from(table.ref()));
        sql.where(query, params, table, range, false);
        return new SqlStatement(query.toString(), params);
    }

    /** The {@code rows} column of the plan's one row (MySQL and MariaDB name it alike). */
    @Override
    public long readRowEstimate(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return -1;
        }
        long rows = rs.getLong("rows");
        return rs.wasNull() ? -1 : rows;
    }

    @Override
    public SqlStatement maxKey(SideTable table) {
        return SqlStatement.of("SELECT MAX(" + sql.keyList(table) + ") FROM " + sql.from(table.ref()));
    }

    @Override
    public SqlStatement minKey(SideTable table) {
        return SqlStatement.of("SELECT MIN(" + sql.keyList(table) + ") FROM " + sql.from(table.ref()));
    }
}
