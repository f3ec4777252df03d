package io.parity.checksum;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.engine.ReplicaLink;
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
    private volatile ReplicaLink.ServerIdentity destinationIdentity;

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

    /** Whether the source has a GTID position to wait for: without one (GTIDs off), the fence holds nothing back. */
    public boolean hasPosition() {
        if (!active()) {
            return false;
        }
        String position = sourcePosition();
        return position != null && !position.isEmpty();
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

    /**
     * The source's position without the transactions the destination originated itself (they came back to the source
     * by reverse replication): the destination has those by definition, and a MariaDB replica's applied position
     * never lists them, so waiting for them would only time out.
     */
    private String sourcePosition() {
        String position;
        try (Connection c = source.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(source.engine().replication().orElseThrow().gtidPosition())) {
            position = rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading the GTID position", source.side(), e);
        }
        return position == null ? null : withoutOrigin(position, destinationIdentity());
    }

    /**
     * {@code position} without the entries that originate on {@code origin}: MariaDB's {@code domain-server-seq}
     * entries whose server is its id, MySQL's {@code uuid:ranges} entries whose UUID is its UUID.
     */
    static String withoutOrigin(String position, ReplicaLink.ServerIdentity origin) {
        if (origin == null) {
            return position.trim();
        }
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (String entry : position.split(",")) {
            String e = entry.trim();
            String[] mariaDb = e.split("-");
            boolean mine = e.contains(":") ? origin.uuid() != null && e.substring(0, e.indexOf(':')).equalsIgnoreCase(origin.uuid())
                    : mariaDb.length == 3 && mariaDb[1].equals(Long.toString(origin.serverId()));
            if (!e.isEmpty() && !mine) {
                kept.add(e);
            }
        }
        return String.join(",", kept);
    }

    private ReplicaLink.ServerIdentity destinationIdentity() {
        ReplicaLink.ServerIdentity known = destinationIdentity;
        if (known != null) {
            return known;
        }
        try (Connection c = destination.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(destination.engine().replication().orElseThrow().serverIdentity())) {
            known = rs.next() ? new ReplicaLink.ServerIdentity(rs.getLong(1), rs.getString(2)) : null;
        } catch (SQLException e) {
            return null; // not knowing only means waiting for all of the position, as before
        }
        destinationIdentity = known;
        return known;
    }
}
