package io.parity.dialect.generic;

import io.parity.core.KeyValues;
import io.parity.dialect.RepairSql;
import io.parity.dialect.SqlStatement;
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
final class GenericRepairSql implements RepairSql {

    static final String TRIGGERS = "SELECT TRIGGER_NAME, EVENT_MANIPULATION FROM INFORMATION_SCHEMA.TRIGGERS"
            + " WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?";
    static final String CASCADING_CHILDREN = "SELECT CONCAT(child.TABLE_SCHEMA, '.', child.TABLE_NAME, ' (',"
            + " rc.CONSTRAINT_NAME, ': ON DELETE ', rc.DELETE_RULE, ', ON UPDATE ', rc.UPDATE_RULE, ')')"
            + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
            + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS parent ON parent.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
            + " AND parent.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
            + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS child ON child.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
            + " AND child.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
            + " WHERE parent.TABLE_SCHEMA = ? AND parent.TABLE_NAME = ?"
            + " AND (rc.DELETE_RULE IN ('CASCADE', 'SET NULL', 'SET DEFAULT') OR rc.UPDATE_RULE IN ('CASCADE', 'SET NULL', 'SET DEFAULT'))";
    /** H2 does not replicate; the query returns no row. */
    static final String NO_REPLICATION = "SELECT 1 FROM INFORMATION_SCHEMA.USERS WHERE 1 = 0";

    private final GenericDialect dialect;

    GenericRepairSql(GenericDialect dialect) {
        this.dialect = dialect;
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
        table.columns().forEach(c -> select.add(dialect.quote(c.name())));
        return byKey(table, key, select.toString());
    }

    @Override
    public SqlStatement selectCanonicalRow(SideTable table, KeyValues key) {
        return byKey(table, key, dialect.selectList(table));
    }

    private SqlStatement byKey(SideTable table, KeyValues key, String select) {
        StringJoiner where = new StringJoiner(" AND ");
        table.key().forEach(c -> where.add(dialect.quote(c.name()) + " = ?"));
        return new SqlStatement("SELECT " + select + " FROM " + dialect.from(table.ref()) + " WHERE " + where,
                key.toList());
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
    public String insert(SideTable table, Object[] row) {
        StringJoiner cols = new StringJoiner(", ", "(", ")");
        StringJoiner vals = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < row.length; i++) {
            cols.add(dialect.quote(table.columns().get(i).name()));
            vals.add(literal(table, i, row[i]));
        }
        return "INSERT INTO " + dialect.from(table.ref()) + " " + cols + " VALUES " + vals;
    }

    @Override
    public String update(SideTable table, KeyValues key, Object[] before, Object[] after, List<Integer> columns) {
        StringJoiner set = new StringJoiner(", ");
        for (int i : columns) {
            set.add(dialect.quote(table.columns().get(i).name()) + " = " + literal(table, i, after[i]));
        }
        return "UPDATE " + dialect.from(table.ref()) + " SET " + set + " WHERE " + guard(table, key, before)
                + " FETCH FIRST 1 ROW ONLY";
    }

    @Override
    public String delete(SideTable table, KeyValues key, Object[] before) {
        return "DELETE FROM " + dialect.from(table.ref()) + " WHERE " + guard(table, key, before) + " FETCH FIRST 1 ROW ONLY";
    }

    /** The key (for the index), then every non-key column compared exactly against the row as it was read. */
    private String guard(SideTable table, KeyValues key, Object[] row) {
        StringJoiner where = new StringJoiner(" AND ");
        for (int k = 0; k < table.key().size(); k++) {
            Column c = table.key().get(k);
            where.add(dialect.quote(c.name()) + " = " + StandardLiterals.ofKey(c, key.get(k)));
        }
        for (int i = 0; i < row.length; i++) {
            Column c = table.columns().get(i);
            if (!table.key().contains(c)) {
                where.add(dialect.quote(c.name()) + (row[i] == null ? " IS NULL" : " = " + literal(table, i, row[i])));
            }
        }
        return where.toString();
    }

    @Override
    public SqlStatement triggers(SideTable table) {
        return new SqlStatement(TRIGGERS, List.of(table.ref().schema(), table.ref().table()));
    }

    @Override
    public SqlStatement cascadingChildren(SideTable table) {
        return new SqlStatement(CASCADING_CHILDREN, List.of(table.ref().schema(), table.ref().table()));
    }

    @Override
    public String replicaStatus() {
        return NO_REPLICATION;
    }
}
