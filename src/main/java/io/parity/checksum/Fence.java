package io.parity.checksum;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.engine.SqlStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * GTID fencing for a destination that replicates natively from the source: after the source side of a read, the
 * source's executed GTID position is noted, and the destination side is read only once the destination has applied
 * that position. A row then differs only if it really differs, not because replication has not caught up with it.
 * The two sides are read one after the other instead of at once; that is the price of the fence.
 */
public final class Fence {

    private static final Fence NONE = new Fence(null, null, null);

    private final SideConnection source;
    private final SideConnection destination;
    private final Duration timeout;

    private Fence(SideConnection source, SideConnection destination, Duration timeout) {
        this.source = source;
        this.destination = destination;
        this.timeout = timeout;
    }

    public static Fence none() {
        return NONE;
    }

    public static Fence gtid(SideConnection source, SideConnection destination, Duration timeout) {
        if (source.engine().replication().isEmpty() || destination.engine().replication().isEmpty()) {
            throw ParityException.badInput("options.fence: gtid needs GTIDs on both sides; "
                    + source.engine().describe() + " / " + destination.engine().describe() + " cannot; remove it");
        }
        return new Fence(source, destination, timeout);
    }

    public boolean active() {
        return source != null;
    }

    /** Call after reading the source side: blocks until the destination has applied what the source had. */
    public void afterSourceRead() {
        if (!active()) {
            return;
        }
        String position = sourcePosition();
        if (position == null || position.isEmpty()) {
            return; // nothing has been written with GTIDs yet: nothing to wait for
        }
        SqlStatement wait = destination.engine().replication().orElseThrow().waitForGtid(position, timeout);
        try (Connection c = destination.dataSource().getConnection(); PreparedStatement ps = wait.prepare(c)) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 0) {
                    throw new ParityException(Failure.INCOMPLETE, "destination: did not apply the source's GTID position "
                            + position + " within " + timeout.toSeconds() + " s (options.fence-timeout); is it replicating?");
                }
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("waiting for GTID position " + position, destination.side(), e);
        }
    }

    private String sourcePosition() {
        try (Connection c = source.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(source.engine().replication().orElseThrow().gtidPosition())) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading the GTID position", source.side(), e);
        }
    }
}
