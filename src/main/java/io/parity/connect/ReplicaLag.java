package io.parity.connect;

import io.parity.engine.ReplicationSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * How far a side that is a native replica lags behind its source, as the server reports it ({@code SHOW REPLICA
 * STATUS}): empty when the side is no replica or the account may not ask; {@link Long#MAX_VALUE} when replication is
 * stopped (the server reports NULL). Used by the throttle and by the scheduled checks' metrics.
 */
public final class ReplicaLag {

    private ReplicaLag() {
    }

    public static Optional<Long> secondsBehind(SideConnection side) {
        Optional<ReplicationSql> replication = side.engine().replication();
        if (replication.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = side.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(replication.get().replicaStatus())) {
            return rs.next() ? Optional.ofNullable(replication.get().replicaLagSeconds(rs)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
