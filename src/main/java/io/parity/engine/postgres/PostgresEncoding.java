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
        columns.forEach(c -> parts.add(c.large() ? "md5(" + canonical(c) + ")" : canonical(c)));
        StringJoiner nulls = new StringJoiner(", ", "concat(", ")");
        columns.stream().filter(Column::nullable).forEach(c -> nulls.add("((" + sql.quote(c.name()) + ") IS NULL)::int"));
        if (columns.stream().anyMatch(Column::nullable)) {
            parts.add(nulls.toString());
        }
        StringJoiner lengths = new StringJoiner(", ", "concat_ws(',', ", ")");
        columns.stream().filter(c -> c.kind().isFreeForm() && !c.large())
                .forEach(c -> lengths.add("octet_length(" + canonical(c) + ")"));
        if (columns.stream().anyMatch(c -> c.kind().isFreeForm() && !c.large())) {
            parts.add(lengths.toString());
        }
        return parts.toString();
    }

    /** The row's MD5, 32 hex digits: the row hash of a table without a key, and the source of per-row hashes. */
    String rowDigest(List<Column> columns) {
        return "md5(" + rowEncoding(columns) + ")";
    }

    /** The first 64 bits of the row's MD5 as a signed {@code bigint}. */
    String rowHash64(List<Column> columns) {
        return "('x' || substr(" + rowDigest(columns) + ", 1, 16))::bit(64)::bigint";
    }

    /** A column's value as text both PostgreSQL sides agree on. */
    String canonical(Column column) {
        String q = sql.quote(column.name());
        String text = q + "::text";
        if (column.form().kind() == ValueForm.Kind.DATETIME) {
            return q + "::timestamp::text";
        }
        return switch (column.kind()) {
            case DECIMAL, INTEGER -> column.kind() == io.parity.schema.ColumnKind.INTEGER
                    && column.form().kind() != ValueForm.Kind.EXACT_DECIMAL ? text
                    : "CASE WHEN " + text + " LIKE '%.%' THEN rtrim(rtrim(" + text + ", '0'), '.') ELSE " + text + " END";
            case FLOAT -> q + "::float8::text";
            case BIT -> q + "::int::text";
            case BINARY -> PostgresValues.uuid(column) ? text : "encode(" + q + ", 'hex')";
            case JSON -> q + "::jsonb::text";
            default -> text;
        };
    }
}
