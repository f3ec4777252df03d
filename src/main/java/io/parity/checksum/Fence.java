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
import java.util.ArrayList;
import java.util.List;

/**
 * Position fencing for a destination that replicates natively from the source: after the source side of a read, the
 * source's position is noted (its executed GTID set on MySQL and MariaDB, its WAL LSN on PostgreSQL), and the
 * destination side is read only once the destination has applied that position (a standby replayed it; a subscriber
 * shows it, or the source's slot it reads from has it confirmed). A row then differs only if it really differs, not because replication has not caught up with it.
 * The two sides are read one after the other instead of at once; that is the price of the fence. Where the server
 * cannot block until a position is applied (PostgreSQL), the destination is asked every {@link #POLL} until the
 * timeout.
 */
public final class Fence {

    static final Duration POLL = Duration.ofMillis(20);

    private static final Fence NONE = new Fence(null, null, null);

    private final SideConnection source;
    private final SideConnection destination;
    private final Duration timeout;
    private volatile ReplicaLink.ServerIdentity destinationIdentity;
    private volatile List<String> feedingSlots;

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
        if (!source.engine().family().equals(destination.engine().family())) {
            throw ParityException.badInput("options.fence: a fence needs replication between two servers of one engine;"
                    + " " + source.engine().describe() + " / " + destination.engine().describe() + " cannot; remove it");
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
        String what = "postgresql".equals(source.engine().family()) ? "WAL position" : "GTID position";
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> slots = feedingSlots();
        try (Connection c = destination.dataSource().getConnection();
             Connection publisher = slots.isEmpty() ? null : source.dataSource().getConnection()) {
            Duration wait = timeout;
            while (!applied(c, position, wait) && !confirmedBySource(publisher, position, slots)) {
                if (System.nanoTime() >= deadline) {
                    throw new ParityException(Failure.INCOMPLETE, "destination: did not apply the source's " + what
                            + " " + position + " within " + timeout.toSeconds()
                            + " s (options.fence-timeout); is it replicating?");
                }
                sleep();
                wait = remaining(deadline);
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("waiting for " + what + " " + position, destination.side(), e);
        }
    }

    /** What is left until {@code deadline}, in whole seconds rounded up (the unit the servers' waits take), at least 1. */
    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    /** Asks once; a server that can block waits up to {@code wait} before it answers. */
    private boolean applied(Connection c, String position, Duration wait) throws SQLException {
        SqlStatement ask = destination.engine().replication().orElseThrow().waitForGtid(position, wait);
        try (PreparedStatement ps = ask.prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    /**
     * Whether the source's slots that feed the destination's subscriptions all confirm {@code position}. A subscriber
     * shows the publisher's position only as of the publisher's last keepalive, and none comes while its replies keep
     * the publisher content; its replies move the slot at once, so the publisher's side answers too.
     */
    private boolean confirmedBySource(Connection publisher, String position, List<String> slots) throws SQLException {
        if (publisher == null) {
            return false;
        }
        SqlStatement ask = source.engine().replication().orElseThrow().slotsConfirmed(position, slots).orElse(null);
        if (ask == null) {
            return false;
        }
        try (PreparedStatement ps = ask.prepare(publisher); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 0;
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading the replication slots", source.side(), e);
        }
    }

    /**
     * The source's logical slots the destination's subscriptions read from, read once: empty where the destination
     * subscribes to none of them (a standby, MySQL, MariaDB), or where either side cannot say.
     */
    private List<String> feedingSlots() {
        List<String> known = feedingSlots;
        if (known != null) {
            return known;
        }
        var src = source.engine().replication().orElseThrow().logicalSlots();
        var dst = destination.engine().replication().orElseThrow().subscribedSlots();
        known = List.of();
        if (src.isPresent() && dst.isPresent()) {
            try {
                List<String> subscribed = names(destination, dst.get());
                List<String> published = names(source, src.get());
                known = subscribed.stream().filter(published::contains).distinct().toList();
            } catch (SQLException e) {
                known = List.of(); // not knowing only means relying on what the destination shows
            }
        }
        feedingSlots = known;
        return known;
    }

    private static List<String> names(SideConnection side, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = side.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParityException(Failure.INCOMPLETE, "interrupted while waiting for the destination", e);
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
            throw ConnectionErrors.during("reading the replication position", source.side(), e);
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
