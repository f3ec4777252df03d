package io.parity.schema;

/**
 * A column as discovered on one side.
 *
 * @param name       column name
 * @param ordinal    1-based position
 * @param columnType full type as the server spells it ({@code varchar(16)}, {@code bigint(20) unsigned})
 * @param kind       how Parity compares it
 * @param nullable   whether NULL is allowed
 * @param charset    character set of text columns, else null
 * @param collation  collation of text columns, else null
 * @param generated  generated (virtual or stored) columns are skipped: they follow from other columns
 * @param form       the canonical form its values are compared in (see {@link ValueForm}); as stored unless the two
 *                   sides' types differ
 * @param large      values may be megabytes long (MEDIUM/LONG BLOB and TEXT, JSON, spatial, LOBs) on either side:
 *                   row encodings built by a server carry a digest of the value, never the value itself
 */
public record Column(String name, int ordinal, String columnType, ColumnKind kind, boolean nullable,
                     String charset, String collation, boolean generated, ValueForm form, boolean large) {

    private static final java.util.regex.Pattern LARGE_TYPES = java.util.regex.Pattern.compile("(?i)^((medium|long)(blob|text)"
            + "|json|n?clob|geometry|point|linestring|polygon|multipoint|multilinestring|multipolygon|geometrycollection"
            + "|geomcollection)\\b.*|.*large object.*");

    public Column {
        form = form == null ? ValueForm.AS_STORED : form;
    }

    /** A column compared as stored, large when its type says so. */
    public Column(String name, int ordinal, String columnType, ColumnKind kind, boolean nullable, String charset,
                  String collation, boolean generated) {
        this(name, ordinal, columnType, kind, nullable, charset, collation, generated, ValueForm.AS_STORED,
                largeType(columnType));
    }

    /** Whether a type of this name can hold values of megabytes. */
    public static boolean largeType(String columnType) {
        return columnType != null && LARGE_TYPES.matcher(columnType.trim()).matches();
    }

    public Column withNullable(boolean value) {
        return new Column(name, ordinal, columnType, kind, value, charset, collation, generated, form, large);
    }

    public Column withKind(ColumnKind value) {
        return new Column(name, ordinal, columnType, value, nullable, charset, collation, generated, form, large);
    }

    public Column withForm(ValueForm value) {
        return new Column(name, ordinal, columnType, kind, nullable, charset, collation, generated, value, large);
    }

    public Column withLarge(boolean value) {
        return new Column(name, ordinal, columnType, kind, nullable, charset, collation, generated, form, value);
    }

    /** Whether key ordering for this column follows a collation rather than plain value order. */
    public boolean collated() {
        return kind == ColumnKind.TEXT && collation != null;
    }

    /** Kinds whose values can identify rows: exact, totally ordered, bindable. */
    public boolean keyCapable() {
        return switch (kind) {
            case INTEGER, DECIMAL, TEMPORAL, TEXT, BINARY -> true;
            default -> false;
        };
    }
}
