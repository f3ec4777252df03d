package io.parity.verify;

import io.parity.connect.MarkerRows;
import io.parity.connect.SideConnection;
import io.parity.core.Side;
import io.parity.engine.CutoverSql;
import io.parity.spec.Endpoint;
import io.parity.spec.HeartbeatSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Waits for a replicator Parity cannot see by sending it a heartbeat: a row written on the source after the run's
 * reads, in the heartbeat table the spec's {@code cutover.heartbeat} names. Once the destination shows it, every
 * change the source committed before it has arrived too (replicators apply in commit order), so a re-check then
 * tells a real difference from one in flight. The table must exist already (the lag gate creates it): a verify never
 * creates tables.
 */
public final class HeartbeatWait {

    static final Duration POLL = Duration.ofMillis(50);

    private final HeartbeatSettings settings;
    private final Endpoint sourceEndpoint;
    private final SideConnection destination;
    private final CutoverSql sourceSql;
    private final CutoverSql destinationSql;

    private HeartbeatWait(HeartbeatSettings settings, Endpoint sourceEndpoint, SideConnection destination,
                          CutoverSql sourceSql, CutoverSql destinationSql) {
        this.settings = settings;
        this.sourceEndpoint = sourceEndpoint;
        this.destination = destination;
        this.sourceSql = sourceSql;
        this.destinationSql = destinationSql;
    }

    /** A wait through {@code settings}' heartbeat table, when both engines have one and it exists on the source. */
    static Optional<HeartbeatWait> of(HeartbeatSettings settings, SideConnection source, SideConnection destination) {
        Optional<CutoverSql> s = source.engine().cutover();
        Optional<CutoverSql> d = destination.engine().cutover();
        if (settings == null || s.isEmpty() || d.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = source.dataSource().getConnection()) {
            if (!MarkerRows.exists(c, s.get(), settings.schema(), MarkerRows.HEARTBEAT_TABLE)) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.of(new HeartbeatWait(settings, source.endpoint(), destination, s.get(), d.get()));
    }

    /** Where the heartbeat is written, for the report. */
    String table() {
        return settings.schema() + "." + MarkerRows.HEARTBEAT_TABLE + " id '" + settings.id() + "'";
    }

    /**
     * Writes a heartbeat on the source and waits up to {@code max} for the destination to show it.
     *
     * @return whether it arrived
     */
    boolean sendAndAwait(Duration max) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long seq = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        try (SideConnection writer = SideConnection.openWritable(Side.SOURCE, sourceEndpoint);
             Connection c = writer.dataSource().getConnection()) {
            MarkerRows.inDomain(c, sourceSql, settings,
                    () -> MarkerRows.write(c, sourceSql, settings, MarkerRows.HEARTBEAT_TABLE, seq, at));
        } catch (SQLException e) {
            throw io.parity.connect.ConnectionErrors.during("writing Parity's heartbeat " + table(), Side.SOURCE, e);
        }
        long deadline = System.nanoTime() + max.toNanos();
        try (Connection c = destination.dataSource().getConnection()) {
            while (true) {
                Long seen = MarkerRows.read(c, destinationSql, settings, MarkerRows.HEARTBEAT_TABLE);
                if (seen != null && seen >= seq) {
                    return true;
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (SQLException e) {
            throw io.parity.connect.ConnectionErrors.during("reading Parity's heartbeat " + table(),
                    Side.DESTINATION, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the heartbeat", e);
        }
    }
}
