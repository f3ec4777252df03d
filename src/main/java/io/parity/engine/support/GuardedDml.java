package io.parity.engine.support;

import io.parity.core.KeyValues;
import io.parity.engine.RepairSql;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The repair statements every engine writes the same way: {@code INSERT} of a whole row, {@code UPDATE} of the changed
 * columns and {@code DELETE}, each of one row and only while that row is still exactly as it was read. An engine says
 * how it renders a literal, how it compares a value exactly or by its SHA-256, how it appends to a value, and how it
 * limits a statement to one row.
 *
 * <pre>
 * UPDATE `shop`.`orders` SET `status` = 'paid' WHERE `id` = 42 AND ... LIMIT 1
 * DELETE FROM "public"."orders" WHERE "id" = 42 AND ... FETCH FIRST 1 ROW ONLY
 * </pre>
 *
 * <p>Every statement stays within the length the server accepts ({@code maxBytes}, from its {@code
 * max_allowed_packet}): when the plain statement would not, values longer than {@value #HASH_GUARD_BYTES} bytes are
 * guarded by their SHA-256 instead of their text, and text and binary values too long to carry are written empty first
 * and appended in pieces, each piece its own statement in the same transaction:
 *
 * <pre>
 * UPDATE `s`.`t` SET `b` = X'' WHERE `id` = 7 AND SHA2(`b`, 256) = '9f86d0...' LIMIT 1
 * UPDATE `s`.`t` SET `b` = CONCAT(`b`, X'0a1b...') WHERE `id` = 7 LIMIT 1
 * </pre>
 */
public abstract class GuardedDml implements RepairSql {

    /** Values longer than this are guarded by their hash when a statement must be kept short. */
    static final int HASH_GUARD_BYTES = 1024;

    /** Room a statement keeps besides the values it carries in pieces. */
    static final int HEADROOM = 64 * 1024;

    protected final StandardSql sql;

    protected GuardedDml(StandardSql sql) {
        this.sql = sql;
    }

    /** The key condition: each key column equal to its value, which finds the row by index. */
    protected abstract String keyCondition(SideTable table, KeyValues key);

    /** Whether the guard compares {@code c} itself (a key column compared by value need not be, say). */
    protected abstract boolean guards(SideTable table, Column c);

    /** {@code c} is exactly {@code value} (never null). */
    protected abstract String exactlyEquals(Column c, Object value);

    /** The SHA-256 of {@code c}'s bytes (UTF-8 for text) equals {@code sha256}. */
    protected abstract String hashEquals(Column c, byte[] sha256);

    /** {@code c} with {@code pieceLiteral} appended: the right-hand side of an assignment to {@code c}. */
    protected abstract String appended(Column c, String pieceLiteral);

    /** The empty value of a text or binary column, which pieces are appended to. */
    protected abstract String empty(Column c);

    /** What limits an {@code UPDATE} or {@code DELETE} to {@code n} rows: {@code LIMIT n}, {@code FETCH FIRST n ROWS ONLY}. */
    protected abstract String rows(int n);

    /** {@code " LIMIT n"}, or nothing where the engine has no row limit. */
    private String limit(int n) {
        String rows = rows(n);
        return rows.isEmpty() ? "" : " " + rows;
    }

    @Override
    public List<String> insert(SideTable table, KeyValues key, Object[] row, int maxBytes) {
        String plain = insertOf(table, row, List.of());
        if (plain.length() <= maxBytes) {
            return List.of(plain);
        }
        List<Integer> deferred = deferred(table, row, all(row.length).stream()
                .filter(i -> !table.columns().get(i).generated()).toList());
        List<String> out = new ArrayList<>();
        out.add(insertOf(table, row, deferred));
        out.addAll(appends(table, key, row, deferred, maxBytes));
        return out;
    }

    @Override
    public List<String> update(SideTable table, KeyValues key, Object[] before, Object[] after, List<Integer> columns,
                               int maxBytes) {
        String plain = updateOf(table, key, before, after, columns, List.of(), false);
        if (plain.length() <= maxBytes) {
            return List.of(plain);
        }
        List<Integer> deferred = deferred(table, after, columns);
        List<String> out = new ArrayList<>();
        out.add(updateOf(table, key, before, after, columns, deferred, true));
        out.addAll(appends(table, key, after, deferred, maxBytes));
        return out;
    }

    @Override
    public List<String> delete(SideTable table, KeyValues key, Object[] before, int copies, int maxBytes) {
        String plain = "DELETE FROM " + sql.from(table.ref()) + " WHERE " + guard(table, key, before, false)
                + limit(copies);
        return List.of(plain.length() <= maxBytes ? plain
                : "DELETE FROM " + sql.from(table.ref()) + " WHERE " + guard(table, key, before, true)
                + limit(copies));
    }

    private String insertOf(SideTable table, Object[] row, List<Integer> deferred) {
        StringJoiner cols = new StringJoiner(", ", "(", ")");
        StringJoiner vals = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < row.length; i++) {
            Column c = table.columns().get(i);
            if (c.generated()) {
                continue; // the server computes it
            }
            cols.add(sql.quote(c.name()));
            vals.add(deferred.contains(i) ? empty(c) : literal(table, i, row[i]));
        }
        return "INSERT INTO " + sql.from(table.ref()) + " " + cols + " VALUES " + vals;
    }

    private String updateOf(SideTable table, KeyValues key, Object[] before, Object[] after, List<Integer> columns,
                            List<Integer> deferred, boolean hashLarge) {
        StringJoiner set = new StringJoiner(", ");
        for (int i : columns) {
            Column c = table.columns().get(i);
            set.add(sql.quote(c.name()) + " = " + (deferred.contains(i) ? empty(c) : literal(table, i, after[i])));
        }
        return "UPDATE " + sql.from(table.ref()) + " SET " + set + " WHERE " + guard(table, key, before, hashLarge)
                + limit(1);
    }

    /** The key, then every guarded column compared exactly (or, with {@code hashLarge}, large values by hash). */
    protected String guard(SideTable table, KeyValues key, Object[] row, boolean hashLarge) {
        StringJoiner where = new StringJoiner(" AND ");
        if (!table.key().isEmpty()) {
            where.add(keyCondition(table, key));
        }
        for (int i = 0; i < row.length; i++) {
            Column c = table.columns().get(i);
            if (!guards(table, c)) {
                continue;
            }
            byte[] bytes = row[i] == null ? null : bytesOf(c, row[i]);
            if (row[i] == null) {
                where.add(sql.quote(c.name()) + " IS NULL");
            } else if (hashLarge && bytes != null && bytes.length > HASH_GUARD_BYTES) {
                where.add(hashEquals(c, sha256(bytes)));
            } else {
                where.add(exactlyEquals(c, row[i]));
            }
        }
        return where.toString();
    }

    /** Of {@code candidates}, the text and binary values too long to carry whole alongside the rest. */
    private List<Integer> deferred(SideTable table, Object[] row, List<Integer> candidates) {
        List<Integer> deferred = new ArrayList<>();
        if (table.key().isEmpty()) {
            return deferred; // no key to find the row by for its pieces: a table without one writes values whole
        }
        for (int i : candidates) {
            Column c = table.columns().get(i);
            byte[] bytes = row[i] == null ? null : bytesOf(c, row[i]);
            if (bytes != null && bytes.length > HASH_GUARD_BYTES && piecewise(c)) {
                deferred.add(i);
            }
        }
        return deferred;
    }

    /** One statement per piece of each deferred value, found by key inside the transaction that wrote the row. */
    private List<String> appends(SideTable table, KeyValues key, Object[] row, List<Integer> deferred, int maxBytes) {
        String where = " WHERE " + keyCondition(table, key) + limit(1);
        int room = Math.max(1024, (maxBytes - HEADROOM - where.length()) / 2 - 64); // hex doubles each byte
        List<String> out = new ArrayList<>();
        for (int i : deferred) {
            Column c = table.columns().get(i);
            byte[] bytes = bytesOf(c, row[i]);
            for (int from = 0; from < bytes.length; ) {
                int to = pieceEnd(c, bytes, from, Math.min(bytes.length, from + room));
                out.add("UPDATE " + sql.from(table.ref()) + " SET " + sql.quote(c.name()) + " = "
                        + appended(c, literal(table, i, piece(c, bytes, from, to))) + where);
                from = to;
            }
        }
        return out;
    }

    /** Text and binary values can be written in pieces; JSON cannot (each statement must leave a valid document). */
    private static boolean piecewise(Column c) {
        return c.kind() == ColumnKind.TEXT || c.kind() == ColumnKind.BINARY;
    }

    /** A piece of text never splits a UTF-8 sequence: it ends before a continuation byte. */
    private static int pieceEnd(Column c, byte[] bytes, int from, int to) {
        if (c.kind() != ColumnKind.TEXT || to >= bytes.length) {
            return to;
        }
        int end = to;
        while (end > from + 1 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return end;
    }

    /** The piece as a raw value of the column's kind: bytes for binary, the engine's text value for text. */
    protected Object piece(Column c, byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** The bytes a value is hashed and cut as: binary as stored, text as UTF-8. */
    protected byte[] bytesOf(Column c, Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Integer> all(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
