package io.parity.gate;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.Side;
import io.parity.spec.HeartbeatSettings;
import io.parity.spec.JobSpec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * What gates measure with: the job spec, connections to both sides (opened on first use, so a gate that reads only a
 * file never connects), the heartbeat settings, Parity's clock and the verify runs. One context serves one cutover run.
 * Connections here may write: the heartbeat and the canary are Parity's own rows.
 */
public final class GateContext implements AutoCloseable {

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection, GateSql sql) throws SQLException;
    }

    private final JobSpec spec;
    private final HeartbeatSettings heartbeat;
    private final Clock clock;
    private final VerifyRuns verifyRuns;
    private final Path specDir;
    private final Map<Side, SideConnection> open = new EnumMap<>(Side.class);

    public GateContext(JobSpec spec, HeartbeatSettings heartbeat, Clock clock, VerifyRuns verifyRuns) {
        this.spec = spec;
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.verifyRuns = verifyRuns;
        this.specDir = spec.file().toAbsolutePath().getParent();
    }

    public JobSpec spec() {
        return spec;
    }

    public HeartbeatSettings heartbeat() {
        return heartbeat;
    }

    public Clock clock() {
        return clock;
    }

    public VerifyRuns verifyRuns() {
        return verifyRuns;
    }

    /** Relative paths in gate settings are relative to the spec file, like {@code password-file}. */
    public Path resolve(String path) {
        return specDir.resolve(path);
    }

    /** Runs {@code work} on a connection to {@code side}; a SQL failure becomes one message naming what and where. */
    public <T> T on(Side side, String what, Work<T> work) {
        SideConnection connection = connection(side);
        try (Connection c = connection.dataSource().getConnection()) {
            return work.apply(c, new GateSql(connection.engine()));
        } catch (SQLException e) {
            throw ConnectionErrors.during(what, side, e);
        }
    }

    /** The side as it is now, for the audit bundle; a side that cannot be reached is recorded with the reason. */
    public io.parity.connect.ServerSnapshot snapshot(Side side) {
        try {
            return io.parity.connect.ServerSnapshot.take(connection(side));
        } catch (RuntimeException e) {
            io.parity.spec.Endpoint endpoint = side == Side.SOURCE ? spec.source() : spec.destination();
            return new io.parity.connect.ServerSnapshot(side.label(), null, endpoint.safeUrl(), null, null, null, null,
                    java.time.Instant.now(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private synchronized SideConnection connection(Side side) {
        return open.computeIfAbsent(side, s -> SideConnection.openWritable(s,
                s == Side.SOURCE ? spec.source() : spec.destination()));
    }

    @Override
    public synchronized void close() {
        open.values().forEach(SideConnection::close);
        open.clear();
    }
}
