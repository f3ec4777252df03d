package io.parity.engine.postgres;

import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.core.RowImage;
import io.parity.engine.ChunkQueries;
import io.parity.engine.KeyBytesRows;
import io.parity.engine.RowEstimates;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.KeysetRows;
import io.parity.schema.Column;
import io.parity.schema.SideTable;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The keyset walk (in the key's own collation, which its index serves) and row reads: the key columns, then every
 * compared column as stored, made canonical in Java ({@link PostgresValues}). Text keys within a range arrive in the
 * order of their bytes ({@code COLLATE "C"}), and their UTF-8 bytes are their sort weights, so Java merges them in
 * exactly that order.
 *
 * <pre>
 * SELECT "order_id", "sku", "order_id", "sku", "qty" FROM "public"."order_items"
 *  WHERE ("order_id" &gt; ? OR ("order_id" = ? AND "sku" &gt; ?)) AND ... ORDER BY "order_id", "sku" COLLATE "C"
 * </pre>
 */
final class PostgresRows extends KeysetRows implements ChunkQueries {

    /** Rows fetched per round trip while a result streams (PostgreSQL streams only inside a transaction). */
    static final int FETCH_SIZE = 2000;

    private final PostgresKeyReader keys = new PostgresKeyReader();
    private final PostgresEncoding encoding;

    PostgresRows(PostgresSql sql, PostgresEncoding encoding) {
        super(sql);
        this.encoding = encoding;
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

    /** Key columns (for {@link #readKey}), or the row hash of a table without a key, then every compared column. */
    @Override
    protected String select(SideTable table) {
        StringJoiner select = new StringJoiner(", ");
        if (table.key().isEmpty()) {
            select.add(encoding.rowDigest(table.columns()));
        }
        table.key().forEach(c -> select.add(sql.quote(c.name())));
        table.columns().forEach(c -> select.add(sql.quote(c.name())));
        return select.toString();
    }

    /** A table without a key is read by row hash: every copy of the row. */
    @Override
    public SqlStatement rowByKey(SideTable table, KeyValues key) {
        if (!table.key().isEmpty()) {
            return super.rowByKey(table, key);
        }
        return new SqlStatement("SELECT " + select(table) + " FROM " + sql.from(table.ref()) + " WHERE "
                + encoding.rowDigest(table.columns()) + " = ?", key.toList());
    }

    @Override
    public RowImage readRow(ResultSet rs, SideTable table) throws SQLException {
        if (table.key().isEmpty()) {
            return new RowImage(KeyValues.of(rs.getString(1)), new byte[0][], values(rs, table, 1));
        }
        KeyValues key = readKey(rs, table);
        return new RowImage(key, weights(key, table), values(rs, table, table.key().size()));
    }

    /** The UTF-8 bytes of collated text keys: the order {@code COLLATE "C"} sorts them in. */
    static byte[][] weights(KeyValues key, SideTable table) {
        byte[][] weights = new byte[table.key().size()][];
        for (int i = 0; i < weights.length; i++) {
            Column c = table.key().get(i);
            if (c.kind() == io.parity.schema.ColumnKind.TEXT && key.get(i) instanceof String s) {
                weights[i] = s.getBytes(StandardCharsets.UTF_8);
            }
        }
        return weights;
    }

    /** The canonical bytes of the compared columns, which follow {@code offset} other columns. */
    static byte[][] values(ResultSet rs, SideTable table, int offset) throws SQLException {
        byte[][] values = new byte[table.columns().size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = PostgresValues.canonical(rs, offset + i + 1, table.columns().get(i));
        }
        return values;
    }

    @Override
    public Optional<KeyBytesRows> keyBytesOrder() {
        return Optional.of(new PostgresKeyBytesRows((PostgresSql) sql, this::select));
    }

    @Override
    public PreparedStatement prepareStreaming(Connection connection, SqlStatement statement) throws SQLException {
        return streaming(connection, statement);
    }

    /** Prepares {@code statement} to stream: PostgreSQL sends rows in batches only with autocommit off. */
    static PreparedStatement streaming(Connection connection, SqlStatement statement) throws SQLException {
        connection.setAutoCommit(false);
        PreparedStatement ps = connection.prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(FETCH_SIZE);
        statement.bind(ps);
        return ps;
    }
}
