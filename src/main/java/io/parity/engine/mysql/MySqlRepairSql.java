package io.parity.engine.mysql;

import io.parity.core.KeyValues;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.GuardedDml;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Repair SQL for MySQL and MariaDB. Literals are exact and independent of {@code sql_mode}:
 *
 * <ul>
 *   <li>text is written plainly only when it is printable ASCII without quotes or backslashes, else as
 *       {@code _utf8mb4 X'...'}, so {@code NO_BACKSLASH_ESCAPES}, {@code ANSI_QUOTES}, NUL bytes, newlines and
 *       4-byte characters cannot change it;</li>
 *   <li>binary values are {@code X'...'}, trailing {@code 0x00} included;</li>
 *   <li>DOUBLE is Java's shortest round-trip text; FLOAT is read through DOUBLE (the server's FLOAT text has six
 *       digits) and written as its exact DOUBLE value (its own shortest text may round past the FLOAT range); DECIMAL keeps its scale;</li>
 *   <li>temporal values are the server's text under the pinned {@code time_zone = '+00:00'}.</li>
 * </ul>
 *
 * Guards compare every column exactly: text by its utf8mb4 bytes (so case and trailing spaces count even under a
 * case-insensitive PAD SPACE collation), FLOAT through DOUBLE, NULL with {@code IS NULL}:
 *
 * <pre>
 * UPDATE `shop`.`orders` SET `status` = 'paid' WHERE `id` = 42 AND `id` = 42
 *   AND CAST(CONVERT(`status` USING utf8mb4) AS BINARY) = X'6e6577' AND `note` IS NULL LIMIT 1;
 * </pre>
 */
class MySqlRepairSql extends GuardedDml {

    private final MySqlSql mysql;
    private final MySqlEncoding encoding;

    MySqlRepairSql(MySqlSql sql, MySqlEncoding encoding) {
        super(sql);
        this.mysql = sql;
        this.encoding = encoding;
    }

    @Override
    public List<String> sessionHeader() {
        return List.of("SET NAMES utf8mb4", "SET time_zone = '+00:00'",
                "SET sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'");
    }

    @Override
    public String beginTransaction() {
        return "START TRANSACTION";
    }

    @Override
    public String commit() {
        return "COMMIT";
    }

    @Override
    public SqlStatement selectRow(SideTable table, KeyValues key) {
        StringJoiner select = new StringJoiner(", ");
        table.columns().forEach(c -> select.add(rawExpression(c)));
        if (table.key().isEmpty()) { // no key: every copy of the row with this row hash
            return new SqlStatement("SELECT " + select + " FROM " + sql.from(table.ref()) + " WHERE "
                    + encoding.rowDigest(table.columns()) + " = ?", key.toList());
        }
        return sql.byKey(table, key, select.toString());
    }

    /** FLOAT is read through DOUBLE: the server's FLOAT text keeps six digits and would round the value. */
    private String rawExpression(Column c) {
        String q = sql.quote(c.name());
        return switch (c.kind()) {
            case TEMPORAL -> "CAST(" + q + " AS CHAR)";
            case BIT -> "(" + q + " + 0)";
            case FLOAT -> mysql.widenedFloat(q);
            default -> q;
        };
    }

    @Override
    public Object[] readValues(ResultSet rs, SideTable table) throws SQLException {
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
            int index = i + 1;
            Column c = table.columns().get(i);
            Object v = switch (c.kind()) {
                case INTEGER, BIT -> integer(rs.getObject(index));
                case DECIMAL -> rs.getBigDecimal(index);
                case FLOAT -> (float) rs.getDouble(index);
                case DOUBLE -> rs.getDouble(index);
                case TEMPORAL -> rs.getString(index);
                default -> rs.getBytes(index);
            };
            row[i] = rs.wasNull() ? null : v;
        }
        return row;
    }

    /** Long where it fits, else BigInteger (BIGINT UNSIGNED and BIT(64) above 2^63 - 1). */
    private static Object integer(Object value) {
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return value == null ? null : ((Number) value).longValue();
    }

    @Override
    public String literal(SideTable table, int index, Object value) {
        return literal(table.columns().get(index), value);
    }

    String literal(Column c, Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return c.kind() == io.parity.schema.ColumnKind.BINARY ? hex(bytes) : text(bytes);
        }
        if (value instanceof java.util.UUID u) { // from PostgreSQL's uuid, into BINARY(16)
            return hex(java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                    .putLong(u.getLeastSignificantBits()).array());
        }
        if (value instanceof Boolean b) { // from PostgreSQL's boolean
            return b ? "1" : "0";
        }
        if (value instanceof String s) {
            return text(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Float f) {
            return Double.toString(f.doubleValue()); // the float's exact value: its short form may round past FLT_MAX
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return value.toString();
    }

    private static String hex(byte[] bytes) {
        return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }

    private static String text(byte[] utf8) {
        for (byte b : utf8) {
            if (b < 0x20 || b > 0x7e || b == '\'' || b == '\\') {
                return "_utf8mb4 X'" + HexFormat.of().formatHex(utf8) + "'";
            }
        }
        return "'" + new String(utf8, java.nio.charset.StandardCharsets.US_ASCII) + "'";
    }

    @Override
    protected String rows(int n) {
        return "LIMIT " + n;
    }

    /** The key, for the index; a text key matches by collation ('a' = 'A'), so its bytes are guarded as well. */
    @Override
    protected String keyCondition(SideTable table, KeyValues key) {
        StringJoiner where = new StringJoiner(" AND ");
        for (int k = 0; k < table.key().size(); k++) {
            Column c = table.key().get(k);
            where.add(sql.quote(c.name()) + " = " + literal(c, key.get(k)));
        }
        return where.toString();
    }

    @Override
    protected boolean guards(SideTable table, Column c) {
        return !table.key().contains(c) || c.kind() == ColumnKind.TEXT;
    }

    @Override
    protected String exactlyEquals(Column c, Object value) {
        String q = sql.quote(c.name());
        return switch (c.kind()) {
            case TEXT, JSON -> "CAST(CONVERT(" + q + " USING utf8mb4) AS BINARY) = "
                    + hex(value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8));
            case FLOAT -> mysql.widenedFloat(q) + " = " + Double.toString(((Float) value).doubleValue());
            case BIT -> "(" + q + " + 0) = " + value;
            default -> q + " = " + literal(c, value);
        };
    }

    /** {@code SHA2} of the utf8mb4 bytes of text, of the stored bytes of binary and spatial values. */
    @Override
    protected String hashEquals(Column c, byte[] sha256) {
        String q = sql.quote(c.name());
        String bytes = c.kind() == ColumnKind.TEXT || c.kind() == ColumnKind.JSON ? "CONVERT(" + q + " USING utf8mb4)" : q;
        return "SHA2(" + bytes + ", 256) = '" + HexFormat.of().formatHex(sha256) + "'";
    }

    @Override
    protected String appended(Column c, String pieceLiteral) {
        return "CONCAT(" + sql.quote(c.name()) + ", " + pieceLiteral + ")";
    }

    @Override
    protected String empty(Column c) {
        return c.kind() == ColumnKind.BINARY ? "X''" : "''";
    }

    /** Needs SUPER or, on MySQL 8, SYSTEM_VARIABLES_ADMIN / SESSION_VARIABLES_ADMIN: checked when it runs. */
    @Override
    public Optional<String> withoutReplication() {
        return Optional.of("SET SESSION sql_log_bin = 0");
    }

    @Override
    public Optional<String> maxStatementBytes() {
        return Optional.of("SELECT @@max_allowed_packet");
    }
}
