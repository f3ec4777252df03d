package io.parity.engine.mysql;

import com.mysql.cj.jdbc.JdbcConnection;
import io.parity.core.HashAlgorithm;
import io.parity.core.HashedRow;
import io.parity.core.Hashing;
import io.parity.core.KeyRange;
import io.parity.core.RowHasher;
import io.parity.core.RowHashes;
import io.parity.core.RowImage;
import io.parity.engine.RowHashListings;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Row hash listings. Server hashing: {@code SELECT <key>, LEFT(SHA1(<row encoding>), 16) FROM t WHERE <range> ORDER BY
 * <key>}, a range scan in primary-key order that returns the first 64 bits of each row's digest as hex, the same bits
 * the checksum query sums (parsed here instead of with {@code CONV}, which costs the server more than the digest).
 * Client hashing: the key and the canonical columns through a server-side prepared statement, hashed with
 * {@link RowHasher} exactly as a streamed checksum does. Either way the listing is read whole; callers bound the range.
 */
class MySqlListings implements RowHashListings {

    private final MySqlSql sql;
    private final MySqlEncoding encoding;

    MySqlListings(MySqlSql sql, MySqlEncoding encoding) {
        this.sql = sql;
        this.encoding = encoding;
    }

    @Override
    public RowHashes rowHashes(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash,
                               Hashing hashing, int limit) throws SQLException {
        RowHasher sums = new RowHasher(hash);
        List<HashedRow> rows = new ArrayList<>();
        int first = MySqlSql.keyColumnCount(table) + 1;
        boolean client = hashing == Hashing.CLIENT;
        SqlStatement stmt = client ? keyedRows(table, range) : rowHashQuery(table, range, hash);
        if (limit > 0) {
            stmt = stmt.limit(limit + 1); // one more than asked: a range holding more is cut
        }
        PreparedStatement ps = client
                ? connection.unwrap(JdbcConnection.class).serverPrepareStatement(stmt.sql())
                : connection.prepareStatement(stmt.sql());
        try (ps) {
            stmt.bind(ps);
            int columns = table.columns().size();
            try (ResultSet rs = ps.executeQuery()) {
                io.parity.core.RowSink row = client ? WidenedIntegers.around(sums, rs.getMetaData(), first, columns)
                        : sums;
                while (rs.next()) {
                    if (limit > 0 && rows.size() == limit) {
                        return new RowHashes(List.of(), sums.result(), false);
                    }
                    RowImage key = sql.keyImage(rs, table);
                    if (client) {
                        row.beginRow();
                        for (int i = 0; i < columns; i++) {
                            row.value(rs.getBytes(first + i));
                        }
                        row.endRow();
                    } else if (hash == HashAlgorithm.CRC64) {
                        sums.add(rs.getLong(first), rs.getLong(first + 1));
                    } else {
                        sums.add(hex64(rs.getBytes(first)), 0);
                    }
                    rows.add(new HashedRow(key, sums.rowA(), sums.rowB()));
                }
            }
        }
        return new RowHashes(rows, sums.result(), true);
    }

    /** The pushed-down listing query (server hashing). */
    SqlStatement rowHashQuery(SideTable table, KeyRange range, HashAlgorithm hash) {
        StringJoiner select = sql.keySelect(table, false);
        select.add(encoding.rowHash(encoding.rowEncoding(table.columns()), hash));
        return sql.ordered(table, range, select.toString());
    }

    /** The client-hashing listing query: key, sort weights and canonical columns in key order. */
    SqlStatement keyedRows(SideTable table, KeyRange range) {
        StringJoiner select = sql.keySelect(table, true);
        table.columns().forEach(c -> select.add(encoding.canonical(c)));
        return sql.ordered(table, range, select.toString());
    }

    /** Parses 16 hex digits (the server's lower-case digest text) as an unsigned 64-bit value. */
    static long hex64(byte[] text) {
        if (text == null || text.length != 16) {
            throw new IllegalStateException("expected 16 hex digits of a row digest, got "
                    + (text == null ? "NULL" : text.length + " bytes"));
        }
        long v = 0;
        for (byte b : text) {
            int d = Character.digit(b, 16);
            if (d < 0) {
                throw new IllegalStateException("not a hex digit in a row digest: " + (char) b);
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
