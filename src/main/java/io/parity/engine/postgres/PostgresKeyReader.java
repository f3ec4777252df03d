package io.parity.engine.postgres;

import io.parity.engine.support.KeyReader;
import io.parity.engine.support.PortableValues;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.ValueForm;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Keys as they bind back exactly under {@code stringtype=unspecified}: UUIDs as the server's text (which orders like
 * their bytes), temporal values in the portable text form ({@code 2024-01-01 10:00:00.5}, instants in UTC without an
 * offset, which the pinned session reads back as UTC), so they compare with another engine's keys;
 * {@code character(n)} without its padding; everything else as {@link KeyReader} reads it.
 */
final class PostgresKeyReader extends KeyReader {

    @Override
    protected Object value(ResultSet rs, int index, Column column) throws SQLException {
        if (column.kind() == ColumnKind.BINARY && PostgresValues.uuid(column)) {
            return rs.getString(index);
        }
        if (column.kind() == ColumnKind.TEXT) {
            return PostgresValues.text(rs.getString(index), column);
        }
        if (column.kind() == ColumnKind.TEMPORAL) {
            String text = rs.getString(index);
            return text == null ? null : PortableValues.temporal(text, ValueForm.AS_STORED);
        }
        return super.value(rs, index, column);
    }
}
