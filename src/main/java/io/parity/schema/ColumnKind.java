package io.parity.schema;

/**
 * How Parity treats a column's values: the dialect classifies each column once at discovery and every later step
 * (canonical encoding, key binding, key ordering) switches on this kind instead of re-reading type names.
 */
public enum ColumnKind {
    /** TINYINT..BIGINT, signed or not: compared as exact integers. */
    INTEGER,
    /** DECIMAL/NUMERIC: compared with their scale, so 1.5 and 1.50 in columns of different scale differ. */
    DECIMAL,
    /** FLOAT: widened to DOUBLE before encoding, since the server's FLOAT text keeps only 6 digits. */
    FLOAT,
    /** DOUBLE/REAL: the server's shortest round-trip text, exact to the last bit. */
    DOUBLE,
    /** DATE, TIME, DATETIME, TIMESTAMP, YEAR: the server's text under the pinned +00:00 time zone. */
    TEMPORAL,
    /** CHAR/VARCHAR/TEXT/ENUM/SET: compared as utf8mb4 bytes, so case and trailing spaces count. */
    TEXT,
    /** BINARY/VARBINARY/BLOB: compared as bytes, trailing 0x00 included. */
    BINARY,
    /** BIT(n): compared as its unsigned integer value. */
    BIT,
    /** JSON: compared in a normalised form, since equal documents may be stored with different spacing. */
    JSON,
    /** Types Parity cannot compare exactly (spatial types and the like). */
    UNSUPPORTED;

    /** Whether the value's text can contain any byte, so an encoding must carry its length. */
    public boolean isFreeForm() {
        return this == TEXT || this == BINARY || this == JSON;
    }
}
