package io.parity.connect;

import io.parity.engine.ReplicationSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * What a side was at one moment, for the audit bundle: its engine and version, its replication identity
 * ({@code server_id} and {@code server_uuid}, or PostgreSQL's system identifier), whether it was read-only, and its
 * replication position (executed GTID set, or WAL LSN). A value the account may not read is null, with the reason in
 * {@code problem}; taking a snapshot never fails a run.
 *
 * @param url the side's URL without credentials
 */
public record ServerSnapshot(String side, String engine, String url, Long serverId, String serverUuid,
                             Boolean readOnly, String position, Instant takenAt, String problem) {

    public static ServerSnapshot take(SideConnection side) {
        Optional<ReplicationSql> replication = side.engine().replication();
        // a shard is named by its place and name in the spec ("sources[1] (shard b)")
        String label = side.endpoint().label() != null && side.endpoint().label().contains(" (shard ")
                ? side.endpoint().label() : side.side().label();
        String engine = side.engine().describe();
        String url = side.endpoint().safeUrl();
        if (replication.isEmpty()) {
            return new ServerSnapshot(label, engine, url, null, null, null, null, Instant.now(),
                    engine + " reports no replication identity or position");
        }
        Long id = null;
        String uuid = null;
        Boolean readOnly = null;
        String position = null;
        String problem = null;
        try (Connection c = side.dataSource().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(replication.get().serverIdentity())) {
                if (rs.next()) {
                    id = rs.getLong(1);
                    uuid = rs.getString(2);
                }
            }
            try (ResultSet rs = st.executeQuery(replication.get().readOnly())) {
                if (rs.next()) {
                    readOnly = rs.getInt(1) != 0 || rs.getInt(2) != 0;
                }
            }
            try (ResultSet rs = st.executeQuery(replication.get().gtidPosition())) {
                if (rs.next()) {
                    position = rs.getString(1) == null ? null : rs.getString(1).replaceAll("\\s+", "");
                }
            }
        } catch (SQLException e) {
            problem = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
        return new ServerSnapshot(label, engine, url, id, uuid, readOnly, position, Instant.now(), problem);
    }
}
