package io.parity.engine.generic;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.RowImage;
import io.parity.engine.ChunkQueries;
import io.parity.engine.RowEstimates;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.KeysetRows;
import io.parity.engine.support.StandardSql;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The keyset walk and row reads of any standard-SQL engine: the key columns, then every compared column as it is
 * stored, made canonical in Java ({@link CanonicalValues}). No row estimates: the walk follows the index.
 *
 * <pre>
 * SELECT "order_id", "line_no", "order_id", "line_no", "sku", "qty", "price"
 *   FROM "public"."order_items"
 *  WHERE ("order_id" &gt;= ? AND ("order_id" &gt; ? OR ("order_id" = ? AND "line_no" &gt; ?))) AND ...
 *  ORDER BY "order_id", "line_no"
 * </pre>
 */
final class GenericRows extends KeysetRows implements ChunkQueries {

    private final GenericKeyReader keys = new GenericKeyReader();

    GenericRows(StandardSql sql) {
        super(sql);
    }

    @Override
    public SqlStatement keyAt(SideTable table, KeyRange range, long offset, boolean filtered) {
        return sql.keyAt(table, range, offset, filtered);
    }

    @Override
    public KeyValues readKey(ResultSet rs, SideTable table) throws SQLException {
        return keys.read(rs, table);
    }

    @Override
    public Optional<RowEstimates> estimates() {
        return Optional.empty();
    }

    /** Generic SQL has no portable way to order text by its bytes; keys whose collation differs are not compared. */
    @Override
    public Optional<io.parity.engine.KeyBytesRows> keyBytesOrder() {
        return Optional.empty();
    }

    /** Key columns (for {@link #readKey}), then every compared column. */
    @Override
    protected String select(SideTable table) {
        StringJoiner select = new StringJoiner(", ");
        table.key().forEach(c -> select.add(sql.quote(c.name())));
        table.columns().forEach(c -> select.add(sql.quote(c.name())));
        return select.toString();
    }

    @Override
    public RowImage readRow(ResultSet rs, SideTable table) throws SQLException {
        return new RowImage(readKey(rs, table), new byte[table.key().size()][], values(rs, table));
    }

    /** The canonical bytes of the compared columns, which follow the key columns. */
    static byte[][] values(ResultSet rs, SideTable table) throws SQLException {
        int offset = table.key().size();
        byte[][] values = new byte[table.columns().size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = CanonicalValues.read(rs, offset + i + 1, table.columns().get(i));
        }
        return values;
    }
}
