package io.parity.engine.postgres;

import io.parity.core.KeyValues;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.GuardedDml;
import io.parity.engine.support.PortableValues;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.ValueForm;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Repair SQL in PostgreSQL's dialect, for files run with {@code psql} and for {@code --apply}. The header pins
 * {@code client_encoding}, {@code standard_conforming_strings} (so a backslash in a literal is itself) and the time
 * zone (instants are written in UTC). Literals are exact and typed by the column where the text alone would not say
 * it: {@code '0.1'::double precision}, {@code '\x00ff'::bytea}, {@code '2024-01-01 10:00:00.5'::timestamp(3) without time
 * zone}, {@code '…'::uuid}, {@code '{"a":1}'::jsonb}; text, enum labels, arrays, intervals and network addresses are
 * plain string literals, which take the column's type. Guards compare every column exactly, with the column type's
 * own equality: JSON by value ({@code ::jsonb}), text by its characters (PostgreSQL's deterministic collations call
 * two strings equal only when their bytes are).
 *
 * <pre>
 * UPDATE "public"."orders" SET "status" = 'paid' WHERE "id" = 42 AND "status" = 'PAID' AND "note" IS NULL;
 * DELETE FROM "public"."events" WHERE ctid IN (SELECT ctid FROM "public"."events" WHERE "a" = 1 AND ... LIMIT 2);
 * </pre>
 *
 * Values read by another engine (a MySQL source repairing a PostgreSQL destination) are accepted in that engine's
 * form: text as UTF-8 bytes, booleans as 0/1, UUIDs as 16 bytes.
 */
final class PostgresRepairSql extends GuardedDml {

    private final PostgresEncoding encoding;

    PostgresRepairSql(PostgresSql sql, PostgresEncoding encoding) {
        super(sql);
        this.encoding = encoding;
    }

    @Override
    public List<String> sessionHeader() {
        return List.of("SET client_encoding = 'UTF8'", "SET standard_conforming_strings = on", "SET TIME ZONE 'UTC'",
                "SET DateStyle = 'ISO, YMD'", "SET IntervalStyle = 'postgres'", "SET extra_float_digits = 1",
                "SET bytea_output = 'hex'");
    }

    @Override
    public String beginTransaction() {
        return "BEGIN";
    }

    @Override
    public String commit() {
        return "COMMIT";
    }

    @Override
    public SqlStatement selectRow(SideTable table, KeyValues key) {
        StringJoiner select = new StringJoiner(", ");
        table.columns().forEach(c -> select.add(sql.quote(c.name())));
        if (table.key().isEmpty()) { // no key: every copy of the row with this row hash
            return new SqlStatement("SELECT " + select + " FROM " + sql.from(table.ref()) + " WHERE "
                    + encoding.rowDigest(table.columns()) + " = ?", key.toList());
        }
        return sql.byKey(table, key, select.toString());
    }

    @Override
    public Object[] readValues(ResultSet rs, SideTable table) throws SQLException {
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
            Column c = table.columns().get(i);
            row[i] = switch (c.kind()) {
                case TEMPORAL -> temporal(rs.getString(i + 1));
                case JSON -> rs.getString(i + 1);
                default -> PostgresValues.raw(rs, i + 1, c);
            };
        }
        return row;
    }

    /** The portable text form: instants without the {@code +00} of the pinned session, which MySQL would refuse. */
    private static String temporal(String text) {
        return text == null ? null : PortableValues.temporal(text, ValueForm.AS_STORED);
    }

    @Override
    public String literal(SideTable table, int index, Object value) {
        return literal(table.columns().get(index), value);
    }

    static String literal(Column c, Object value) {
        if (value == null) {
            return "NULL";
        }
        return switch (c.kind()) {
            case INTEGER -> value instanceof Boolean b ? (b ? "1" : "0") : integer(value);
            case DECIMAL -> value instanceof BigDecimal d ? d.toPlainString() : text(value.toString()) + "::numeric";
            case FLOAT -> text(value instanceof Float f ? Float.toString(f)
                    : Float.toString(((Number) value).floatValue())) + "::real";
            case DOUBLE -> text(Double.toString(((Number) value).doubleValue())) + "::double precision";
            case BIT -> bool(value);
            case TEMPORAL -> text(value.toString()) + "::" + c.columnType();
            case JSON -> text(string(value)) + "::" + (c.columnType().equalsIgnoreCase("json") ? "json" : "jsonb");
            case BINARY -> PostgresValues.uuid(c) ? text(uuid(value).toString()) + "::uuid"
                    : "'\\x" + HexFormat.of().formatHex((byte[]) value) + "'::bytea";
            default -> text(string(value));
        };
    }

    private static String integer(Object value) {
        return value instanceof BigDecimal d ? d.toBigIntegerExact().toString() : value.toString();
    }

    private static String bool(Object value) {
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return ((Number) value).longValue() != 0 ? "TRUE" : "FALSE";
    }

    private static UUID uuid(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        if (value instanceof byte[] b && b.length == 16) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new UUID(buf.getLong(), buf.getLong());
        }
        return UUID.fromString(string(value));
    }

    private static String string(Object value) {
        return value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString();
    }

    /** A standard string literal: with {@code standard_conforming_strings} on, only the quote is doubled. */
    static String text(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** UPDATE and DELETE have no row limit in PostgreSQL: the key finds one row. */
    @Override
    protected String rows(int n) {
        return "";
    }

    /** A table without a key: {@code copies} of the row, picked by their physical address. */
    @Override
    public List<String> delete(SideTable table, KeyValues key, Object[] before, int copies, int maxBytes) {
        if (!table.key().isEmpty()) {
            return super.delete(table, key, before, copies, maxBytes);
        }
        return List.of("DELETE FROM " + sql.from(table.ref()) + " WHERE ctid IN (SELECT ctid FROM "
                + sql.from(table.ref()) + " WHERE " + guard(table, key, before, false) + " LIMIT " + copies + ")");
    }

    @Override
    protected String keyCondition(SideTable table, KeyValues key) {
        StringJoiner where = new StringJoiner(" AND ");
        for (int k = 0; k < table.key().size(); k++) {
            Column c = table.key().get(k);
            Object v = key.get(k);
            where.add(sql.quote(c.name()) + " = " + (v instanceof String s && c.kind() != ColumnKind.TEXT
                    ? text(s) + "::" + c.columnType() : literal(c, v)));
        }
        return where.toString();
    }

    /** Key columns are compared by value in the key condition already, byte for byte for text. */
    @Override
    protected boolean guards(SideTable table, Column c) {
        return !table.key().contains(c);
    }

    @Override
    protected String exactlyEquals(Column c, Object value) {
        String q = sql.quote(c.name());
        return switch (c.kind()) {
            case JSON -> q + "::jsonb = " + text(string(value)) + "::jsonb";
            default -> q + " = " + literal(c, value);
        };
    }

    @Override
    protected String hashEquals(Column c, byte[] sha256) {
        String q = sql.quote(c.name());
        String bytes = c.kind() == ColumnKind.BINARY ? q : "convert_to(" + q + "::text, 'UTF8')";
        return "sha256(" + bytes + ") = '\\x" + HexFormat.of().formatHex(sha256) + "'::bytea";
    }

    @Override
    protected String appended(Column c, String pieceLiteral) {
        return sql.quote(c.name()) + " || " + pieceLiteral;
    }

    @Override
    protected String empty(Column c) {
        return c.kind() == ColumnKind.BINARY ? "'\\x'::bytea" : "''";
    }

    /** Text pieces are strings: PostgreSQL reads text as Java strings. */
    @Override
    protected Object piece(Column c, byte[] bytes, int from, int to) {
        return c.kind() == ColumnKind.BINARY ? super.piece(c, bytes, from, to)
                : new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** PostgreSQL takes statements of up to 1 GB: no limit Parity must respect. */
    /**
     * None: {@code session_replication_role} only silences triggers, and logical replication still publishes the
     * changes; keeping them out needs a replication origin, which is the replicator's business, not a repair's.
     */
    @Override
    public Optional<String> withoutReplication() {
        return Optional.empty();
    }

    @Override
    public Optional<String> maxStatementBytes() {
        return Optional.empty();
    }
}
