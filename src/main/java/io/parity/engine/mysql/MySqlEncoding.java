package io.parity.engine.mysql;

import io.parity.core.HashAlgorithm;
import io.parity.schema.Column;

import java.util.List;
import java.util.StringJoiner;

/**
 * The canonical row encoding of MySQL and MariaDB, built by the server:
 *
 * <pre>
 * CONCAT_WS('#', `id`, `status`, CAST(`ratio` AS DOUBLE), `note`, ...,
 *           CONCAT(ISNULL(`ratio`), ISNULL(`note`)),          -- NULL bitmap: CONCAT_WS skips NULLs
 *           CONCAT_WS(',', LENGTH(`status`), LENGTH(`note`)))  -- lengths of free-form values
 * </pre>
 *
 * Numbers and temporal values cannot contain {@code '#'}; free-form values (text, binary, JSON) may, and their byte
 * lengths make the split unambiguous, so {@code ('x0','y')} and {@code ('x','0y')} encode differently and a NULL
 * differs from {@code ''}. Text is converted to utf8mb4 so both sides hash the same bytes for the same characters.
 * The same per-column expressions feed client hashing, so both hashing places see the same values.
 */
class MySqlEncoding {

    static final String NAME = "mysql-concat-ws";

    private final MySqlSql sql;

    MySqlEncoding(MySqlSql sql) {
        this.sql = sql;
    }

    /** The hashes the server computes, the default first. */
    List<HashAlgorithm> hashes() {
        return List.of(HashAlgorithm.SHA1, HashAlgorithm.MD5);
    }

    /**
     * The row encoding described in the class javadoc. A large column (a MEDIUM/LONG BLOB or TEXT, JSON, spatial
     * value) enters it as the SHA1 of its canonical value, fixed-length hex, so the encoding of a row of several
     * megabytes stays far below {@code max_allowed_packet}: a longer {@code CONCAT_WS} would be NULL, and the row's
     * content would go unchecked.
     */
    String rowEncoding(List<Column> columns) {
        StringJoiner parts = new StringJoiner(", ", "CONCAT_WS('#', ", ")");
        columns.forEach(c -> parts.add(c.large() ? "SHA1(" + canonical(c) + ")" : canonical(c)));
        nullBitmap(columns).ifPresent(parts::add);
        StringJoiner lengths = new StringJoiner(", ", "CONCAT_WS(',', ", ")");
        columns.stream().filter(c -> c.kind().isFreeForm() && !c.large())
                .forEach(c -> lengths.add("LENGTH(" + canonical(c) + ")"));
        if (columns.stream().anyMatch(c -> c.kind().isFreeForm() && !c.large())) {
            parts.add(lengths.toString());
        }
        return parts.toString();
    }

    /** What {@link ConcatWsRowHasher} does with {@code c} besides printing it (see {@link #encodedPart}). */
    ConcatWsRowHasher.Part part(Column c) {
        return new ConcatWsRowHasher.Part(c.nullable(), c.kind().isFreeForm() && !c.large(),
                !c.large() && trimsDecimalInJava(c));
    }

    private String q(Column c) {
        return sql.quote(c.name());
    }

    /**
     * Whether {@code c} is a DECIMAL whose canonical text {@link #canonical} trims on the server. Selected as stored,
     * it arrives in the binary protocol as the text {@code CAST(d AS CHAR)} gives, and Java trims it the same way
     * ({@link #trimmedDecimalLength}): the expression costs the server more than sending the row (measured on the
     * benchmark's 2M rows: 1.3 s against 0.6 s for {@code SUM(LENGTH(..))} of the column as stored).
     */
    static boolean trimsDecimalInJava(Column c) {
        return c.kind() == io.parity.schema.ColumnKind.DECIMAL
                && c.form().kind() == io.parity.schema.ValueForm.Kind.EXACT_DECIMAL;
    }

    /**
     * A column as a streamed checksum ({@code hashing: client}, and {@code auto} where both sides hash a chunk in Java)
     * selects it: {@link #canonical}, except a DECIMAL {@link #trimsDecimalInJava trimmed in Java}, selected as stored.
     */
    String streamed(Column c) {
        return trimsDecimalInJava(c) ? q(c) : canonical(c);
    }

    /**
     * {@code IF(LOCATE('.', t) > 0, TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM t)), t)} of a DECIMAL's text, as
     * {@link #canonical} writes it, in Java: the length of {@code v[offset, offset + n)} without, when it has a point,
     * its trailing zeros and then the point ({@code 1.50} is {@code 1.5}, {@code 2.00} is {@code 2}); an integer's
     * text stays whole.
     */
    static int trimmedDecimalLength(byte[] v, int offset, int n) {
        int end = offset + n;
        boolean point = false;
        for (int i = offset; i < end; i++) {
            if (v[i] == '.') {
                point = true;
                break;
            }
        }
        if (point) {
            while (end > offset && v[end - 1] == '0') {
                end--;
            }
            if (end > offset && v[end - 1] == '.') {
                end--;
            }
        }
        return end - offset;
    }

    /** The NULL bitmap part of the encoding, {@code CONCAT(ISNULL(a), ...)}: none when no column is nullable. */
    java.util.Optional<String> nullBitmap(List<Column> columns) {
        if (columns.stream().noneMatch(Column::nullable)) {
            return java.util.Optional.empty();
        }
        StringJoiner nulls = new StringJoiner(", ", "CONCAT(", ")");
        columns.stream().filter(Column::nullable).forEach(c -> nulls.add("ISNULL(" + sql.quote(c.name()) + ")"));
        return java.util.Optional.of(nulls.toString());
    }

    /**
     * A column's part of the encoding as {@link MySqlChecksums#encodedColumns} selects it for hashing in Java:
     * integers (not ZEROFILL) and dates, datetimes, timestamps and times as they are, so they arrive in the binary
     * protocol and are printed by {@link ConcatWsRowHasher}; DECIMAL as stored (its binary-protocol form is the text
     * the encoding trims, and the trim is done in Java); every other value as the text the encoding holds.
     */
    String encodedPart(Column c) {
        if (c.large()) {
            return "SHA1(" + canonical(c) + ")";
        }
        String type = c.columnType() == null ? "" : c.columnType().toLowerCase(java.util.Locale.ROOT);
        return switch (c.kind()) {
            case INTEGER -> type.contains("zerofill") ? "CONCAT(" + canonical(c) + ")" : canonical(c);
            case TEMPORAL -> type.startsWith("year") ? "CONCAT(" + canonical(c) + ")" : canonical(c);
            // DECIMAL arrives as the text CAST(d AS CHAR) gives; ConcatWsRowHasher trims it as canonical() does
            case DECIMAL -> trimsDecimalInJava(c) ? q(c) : canonical(c);
            case TEXT, BINARY -> canonical(c);
            default -> "CONCAT(" + canonical(c) + ")";
        };
    }

    /**
     * The row hash of a table without a key: the SHA1 of the row encoding, 40 hex digits, which identifies a distinct
     * row (equal rows, equal hash) and orders the same on every server.
     */
    String rowDigest(List<Column> columns) {
        return "SHA1(" + rowEncoding(columns) + ")";
    }

    /** A column's value as the exact text or bytes both sides must agree on. */
    String canonical(Column column) {
        String q = sql.quote(column.name());
        switch (column.form().kind()) {
            case EXACT_DECIMAL -> {
                // CAST keeps the exact digits; trailing fractional zeros (and a bare point) go, integers stay whole
                String text = "CAST(" + q + " AS CHAR)";
                return "IF(LOCATE('.', " + text + ") > 0, TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM " + text
                        + ")), " + text + ")";
            }
            case DATETIME -> {
                return declared(column, "datetime", column.form().precision()) ? q
                        : "CAST(" + q + " AS DATETIME(" + column.form().precision() + "))";
            }
            case TIME -> {
                return declared(column, "time", column.form().precision()) ? q
                        : "CAST(" + q + " AS TIME(" + column.form().precision() + "))";
            }
            default -> {
                // as stored, below
            }
        }
        return switch (column.kind()) {
            case FLOAT -> declared(column, "double", 0) ? q : sql.widenedFloat(q);
            case BIT -> "(" + q + " + 0)";
            case TEXT -> isUtf8mb4(column) ? q : "CONVERT(" + q + " USING utf8mb4)";
            case JSON -> canonicalJson(q);
            case UNSUPPORTED -> throw new IllegalStateException("column " + column.name() + " has unsupported type "
                    + column.columnType());
            default -> q;
        };
    }

    /**
     * Whether {@code column} is declared exactly {@code type} with {@code digits} fractional digits ({@code datetime},
     * {@code datetime(6)}, {@code time(3)}, {@code double}), so the cast to that type would change nothing: the server
     * then skips it (a cast per value, measured on the benchmark: a tenth of what streaming the rows costs a server).
     */
    static boolean declared(Column column, String type, int digits) {
        String declared = column.columnType() == null ? "" : column.columnType().strip().toLowerCase(java.util.Locale.ROOT);
        return declared.equals(digits == 0 ? type : type + "(" + digits + ")")
                || (digits == 0 && declared.equals(type + "(0)"));
    }

    /** MySQL prints JSON in one normal form already. */
    protected String canonicalJson(String quoted) {
        return quoted;
    }

    /**
     * The sums of the aggregate checksum: two summed 32-bit hashes would need CRC32C, which MySQL lacks; MD5's or
     * SHA1's first 64 bits summed instead.
     */
    protected String hashSums(String row, HashAlgorithm hash) {
        // CAST keeps the 64-bit value an exact integer: SUM over CONV's string result would be a DOUBLE and round.
        return "COALESCE(SUM(CAST(CONV(LEFT(" + digest(hash) + "(" + row + "), 16), 16, 10) AS UNSIGNED)), 0), 0";
    }

    /** The per-row hash columns of a listing: the digest's first 16 hex digits. */
    protected String rowHash(String row, HashAlgorithm hash) {
        return "LEFT(" + digest(hash) + "(" + row + "), 16)";
    }

    private static String digest(HashAlgorithm hash) {
        return switch (hash) {
            case SHA1 -> "SHA1";
            case MD5 -> "MD5";
            default -> throw new IllegalArgumentException(hash + " is not computed by this server");
        };
    }

    private static boolean isUtf8mb4(Column column) {
        return column.charset() == null || column.charset().equalsIgnoreCase("utf8mb4");
    }
}
