package io.parity.engine.generic;

import io.parity.core.ChunkChecksum;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.RowHasher;
import io.parity.engine.BucketChecksums;
import io.parity.engine.ChecksumQueries;
import io.parity.engine.EvenBucketChecksums;
import io.parity.engine.KeyedStreaming;
import io.parity.engine.RowGroups;
import io.parity.engine.RowHashListings;
import io.parity.engine.ServerChecksums;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.PortableValues;
import io.parity.schema.SideTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Rows streamed in key order and hashed in Java: the same statement serves checksums (rows hashed by
 * {@link RowHasher} as they stream) and reconciliation (rows kept as row images), so a chunk's checksum and its rows
 * are always built from the same canonical values. This costs a full read of every chunk instead of one aggregate
 * query, which is why MySQL and MariaDB keep their pushdown; no other capability is offered, so chunks that differ
 * are read as rows.
 */
final class GenericChecksums implements ChecksumQueries {

    static final String ENCODING = PortableValues.ENCODING;

    /** Rows fetched per round trip while streaming a chunk. */
    static final int FETCH_SIZE = 1000;

    private final GenericRows rows;

    GenericChecksums(GenericRows rows) {
        this.rows = rows;
    }

    @Override
    public String encoding() {
        return ENCODING;
    }

    @Override
    public ChunkChecksum streamedChecksum(Connection connection, SideTable table, KeyRange range, HashAlgorithm hash)
            throws SQLException {
        SqlStatement stmt = rows.rows(table, range);
        RowHasher hasher = new RowHasher(hash);
        try (PreparedStatement ps = connection.prepareStatement(stmt.sql())) {
            ps.setFetchSize(FETCH_SIZE);
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hasher.add(GenericRows.values(rs, table));
                }
            }
        }
        return hasher.result();
    }

    @Override
    public Optional<ServerChecksums> server() {
        return Optional.empty();
    }

    @Override
    public Optional<KeyedStreaming> keyedStreaming() {
        return Optional.empty();
    }

    @Override
    public Optional<RowHashListings> listings() {
        return Optional.empty();
    }

    @Override
    public Optional<BucketChecksums> buckets() {
        return Optional.empty();
    }

    @Override
    public Optional<EvenBucketChecksums> evenBuckets() {
        return Optional.empty();
    }

    @Override
    public Optional<RowGroups> rowGroups() {
        return Optional.empty();
    }
}
