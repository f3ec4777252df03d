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
    protected String oneRow() {
        return "FETCH FIRST 1 ROW ONLY";
    }

    /** The key (for the index), then every non-key column compared exactly against the row as it was read. */
    @Override
    protected String guard(SideTable table, KeyValues key, Object[] row) {
        StringJoiner where = new StringJoiner(" AND ");
        for (int k = 0; k < table.key().size(); k++) {
            Column c = table.key().get(k);
            where.add(sql.quote(c.name()) + " = " + StandardLiterals.ofKey(c, key.get(k)));
        }
        for (int i = 0; i < row.length; i++) {
            Column c = table.columns().get(i);
            if (!table.key().contains(c)) {
                where.add(sql.quote(c.name()) + (row[i] == null ? " IS NULL" : " = " + literal(table, i, row[i])));
            }
        }
        return where.toString();
    }
}
