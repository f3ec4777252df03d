package io.parity.engine.postgres;

import io.parity.schema.Column;
import io.parity.schema.ValueForm;

import java.util.List;
import java.util.StringJoiner;

/**
 * The row encoding PostgreSQL builds for the pushed-down checksum, like MySQL's {@code CONCAT_WS} encoding but from
 * PostgreSQL's own text forms under the pinned session (ISO dates, UTC, shortest exact floats):
 *
 * <pre>
 * concat_ws('#', "id", "status", CASE WHEN "amount"::text LIKE '%.%' THEN rtrim(rtrim("amount"::text, '0'), '.')
 *           ELSE "amount"::text END, md5("note"), ...,
 *           concat((("amount") IS NULL)::int, (("note") IS NULL)::int),   -- NULL bitmap: concat_ws skips NULLs
 *           concat_ws(',', octet_length("status")))                       -- lengths of free-form values
 * </pre>
 *
 * Decimals lose trailing fractional zeros and instants print in UTC, so widened columns compare as values; long
 * values ({@code text}, {@code bytea}, {@code jsonb}) enter as their MD5. Only PostgreSQL compares with this encoding:
 * another engine is compared in the portable encoding, in Java.
 */
final class PostgresEncoding {

    static final String NAME = "postgres-concat-ws-md5";

    private final PostgresSql sql;

    PostgresEncoding(PostgresSql sql) {
        this.sql = sql;
    }

    String rowEncoding(List<Column> columns) {
        StringJoiner parts = new StringJoiner(", ", "concat_ws('#', ", ")");
        columns.forEach(c -> parts.add(c.large() ? "md5(" + asTextOrBytes(c) + ")" : canonical(c)));
        StringJoiner nulls = new StringJoiner(", ", "concat(", ")");
        columns.stream().filter(Column::nullable).forEach(c -> nulls.add("((" + sql.quote(c.name()) + ") IS NULL)::int"));
        if (columns.stream().anyMatch(Column::nullable)) {
            parts.add(nulls.toString());
        }
        StringJoiner lengths = new StringJoiner(", ", "concat_ws(',', ", ")");
        columns.stream().filter(c -> c.kind().isFreeForm() && !c.large())
                .forEach(c -> lengths.add("octet_length(" + asTextOrBytes(c) + ")"));
        if (columns.stream().anyMatch(c -> c.kind().isFreeForm() && !c.large())) {
            parts.add(lengths.toString());
        }
        return parts.toString();
    }

    /** The row's MD5, 32 hex digits: the row hash of a table without a key, and the source of per-row hashes. */
    String rowDigest(List<Column> columns) {
        return "md5(" + rowEncoding(columns) + ")";
    }

    /**
     * The row hash summed by the pushed-down checksum: the first 64 bits of the row's MD5 with the top bit cleared, a
     * non-negative {@code bigint}, so that {@code sum()} adds exact unsigned values with PostgreSQL's fast 128-bit
     * accumulator and the hash is computed once per row (turning a signed value unsigned would need it twice).
     * Listings parse the same 16 hex digits and clear the same bit.
     */
    String rowHash63(List<Column> columns) {
        return "(('x' || substr(" + rowDigest(columns) + ", 1, 16))::bit(64)::bigint & 9223372036854775807)";
    }

    /** A text, bytea or other free-form value as md5() and octet_length() take it. */
    private String asTextOrBytes(Column column) {
        String q = sql.quote(column.name());
        return switch (column.kind()) {
            case TEXT -> column.columnType().equals("text") || column.columnType().startsWith("character varying")
                    ? q : q + "::text"; // enums, arrays, character(n) without its padding, ... as their text
            case BINARY -> PostgresValues.uuid(column) ? q + "::text" : q;
            default -> canonical(column) + "::text";
        };
    }

    /**
     * A column's value as concat_ws prints it, the same on both PostgreSQL sides for the same value: its own output
     * function under the pinned session (ISO dates in UTC, hex bytea, shortest exact floats), except where the two
     * sides' types differ: decimals lose trailing fractional zeros, a date meets a timestamp at midnight, single
     * precision is widened, json is normalised as jsonb.
     */
    String canonical(Column column) {
        String q = sql.quote(column.name());
        if (column.form().kind() == ValueForm.Kind.DATETIME) {
            return q + "::timestamp";
        }
        return switch (column.kind()) {
            case DECIMAL -> column.form().kind() == ValueForm.Kind.EXACT_DECIMAL
                    ? "CASE WHEN " + q + "::text LIKE '%.%' THEN rtrim(rtrim(" + q + "::text, '0'), '.') ELSE " + q
                    + "::text END" : q;
            case FLOAT -> q + "::float8";
            case JSON -> column.columnType().equalsIgnoreCase("jsonb") ? q : q + "::jsonb";
            default -> q;
        };
    }
}
