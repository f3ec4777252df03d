package io.parity.schema;

/**
 * A difference between the two sides' table definitions. Findings are results, reported beside row differences; a
 * finding that makes rows incomparable (table missing, key different) stops the row comparison of that table only.
 *
 * @param kind   what differs
 * @param column the column concerned, or null for table-level findings
 * @param detail source vs destination, readable
 */
public record SchemaFinding(Kind kind, String column, String detail) {

    public enum Kind {
        TABLE_MISSING, COLUMN_MISSING, COLUMN_EXTRA, TYPE_DIFFERENT, NULLABILITY_DIFFERENT, COLLATION_DIFFERENT,
        KEY_DIFFERENT,
        /** Keys distinct on one side are one key under the other side's key collation (a would-be duplicate key). */
        WOULD_BE_DUPLICATE_KEY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    @Override
    public String toString() {
        return kind.label() + (column == null ? "" : " " + column) + ": " + detail;
    }
}
