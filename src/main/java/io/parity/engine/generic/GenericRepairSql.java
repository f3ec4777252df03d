package io.parity.engine.generic;

import io.parity.core.KeyValues;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.GuardedDml;
import io.parity.engine.support.StandardSql;
import io.parity.schema.Column;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * Repair SQL in standard SQL as H2 reads it. Literals ({@link StandardLiterals}) are exact and need no session
 * settings, so the file has no header statements. Guards compare every column exactly; H2 compares text by its
 * characters (case and trailing spaces count) and DOUBLE by value, so a plain {@code =} against an exact literal is an
 * exact comparison:
 *
 * <pre>
 * UPDATE "public"."orders" SET "status" = 'paid' WHERE "order_id" = 42 AND "status" = 'PAID' AND "note" IS NULL;
 * </pre>
 */
final class GenericRepairSql extends GuardedDml {

    GenericRepairSql(StandardSql sql) {
        super(sql);
    }

    @Override
    public List<String> sessionHeader() {
        return List.of();
    }

    @Override
    public String beginTransaction() {
        return "SET AUTOCOMMIT FALSE";
    }

    @Override
    public String commit() {
        return "COMMIT";
    }

    @Override
    public SqlStatement selectRow(SideTable table, KeyValues key) {
        StringJoiner select = new StringJoiner(", ");
        table.columns().forEach(c -> select.add(sql.quote(c.name())));
        return sql.byKey(table, key, select.toString());
    }

    @Override
    public Object[] readValues(ResultSet rs, SideTable table) throws SQLException {
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
            int index = i + 1;
            Column c = table.columns().get(i);
            Object v = switch (c.kind()) {
                case INTEGER -> rs.getObject(index) instanceof Number n && !(n instanceof java.math.BigDecimal)
                        && !(n instanceof java.math.BigInteger) ? (Object) n.longValue() : rs.getObject(index);
                case DECIMAL -> rs.getBigDecimal(index);
                case FLOAT -> rs.getFloat(index);
                case DOUBLE -> rs.getDouble(index);
                case BIT -> rs.getBoolean(index);
                case TEMPORAL -> CanonicalValues.temporalObject(rs, index, c);
                case BINARY -> rs.getBytes(index);
                default -> rs.getString(index);
            };
            row[i] = rs.wasNull() ? null : v;
        }
        return row;
    }

    @Override
    public String literal(SideTable table, int index, Object value) {
        return StandardLiterals.of(table.columns().get(index), value);
    }

    @Override
    protected String rows(int n) {
        return n == 1 ? "FETCH FIRST 1 ROW ONLY" : "FETCH FIRST " + n + " ROWS ONLY";
    }

    /** The key, for the index. */
    @Override
    protected String keyCondition(SideTable table, KeyValues key) {
        StringJoiner where = new StringJoiner(" AND ");
        for (int k = 0; k < table.key().size(); k++) {
            Column c = table.key().get(k);
            where.add(sql.quote(c.name()) + " = " + StandardLiterals.ofKey(c, key.get(k)));
        }
        return where.toString();
    }

    /** Key columns are compared by value in the key condition already: H2 compares text by its characters. */
    @Override
    protected boolean guards(SideTable table, Column c) {
        return !table.key().contains(c);
    }

    @Override
    protected String exactlyEquals(Column c, Object value) {
        return sql.quote(c.name()) + " = " + StandardLiterals.of(c, value);
    }

    /** H2's {@code HASH('SHA-256', …)} hashes text as its UTF-8 bytes. */
    @Override
    protected String hashEquals(Column c, byte[] sha256) {
        return "HASH('SHA-256', " + sql.quote(c.name()) + ") = X'" + java.util.HexFormat.of().formatHex(sha256) + "'";
    }

    @Override
    protected String appended(Column c, String pieceLiteral) {
        return sql.quote(c.name()) + " || " + pieceLiteral;
    }

    @Override
    protected String empty(Column c) {
        return c.kind() == io.parity.schema.ColumnKind.BINARY ? "X''" : "''";
    }

    /** Text pieces are strings here: H2 reads text columns as Java strings. */
    @Override
    protected Object piece(Column c, byte[] bytes, int from, int to) {
        return c.kind() == io.parity.schema.ColumnKind.BINARY ? super.piece(c, bytes, from, to)
                : new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** H2 has no statement length limit Parity must respect. */
    /** None known for a generic JDBC database. */
    @Override
    public java.util.Optional<String> withoutReplication() {
        return java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<String> maxStatementBytes() {
        return java.util.Optional.empty();
    }
}
