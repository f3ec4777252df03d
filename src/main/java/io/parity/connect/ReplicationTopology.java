package io.parity.connect;

import io.parity.engine.ReplicaLink;
import io.parity.engine.ReplicationSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Parity can see of replication between the two sides: whether one replicates natively from the other (matched by
 * the source's server id and UUID in the replica's status, not by host name), and how much a side has written so far.
 * A query the account may not run is reported as {@link Probe#problem()}, never taken silently as "no replication".
 */
public final class ReplicationTopology {

    private ReplicationTopology() {
    }

    /**
     * What was found: the link when {@code replica} replicates from {@code source}, or none; and the reason the
     * question could not be answered, when it could not.
     */
    public record Probe(Optional<ReplicaLink> link, String problem) {
    }

    /** Whether {@code replica} replicates natively from {@code source}. */
    public static Probe link(SideConnection source, SideConnection replica) {
        Optional<ReplicationSql> from = source.engine().replication();
        Optional<ReplicationSql> to = replica.engine().replication();
        if (from.isEmpty() || to.isEmpty()) {
            return new Probe(Optional.empty(), null);
        }
        ReplicaLink.ServerIdentity identity;
        try (Connection c = source.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(from.get().serverIdentity())) {
            rs.next();
            identity = new ReplicaLink.ServerIdentity(rs.getLong(1), rs.getString(2));
        } catch (SQLException e) {
            return new Probe(Optional.empty(), source.side().label() + ": could not read its server id ("
                    + e.getMessage() + ")");
        }
        java.util.List<ReplicaLink> links = new java.util.ArrayList<>();
        try (Connection c = replica.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(to.get().replicaStatus())) {
            while (rs.next()) {
                ReplicaLink link = to.get().replicaLink(rs);
                if (link.from(identity)) {
                    return new Probe(Optional.of(link), null);
                }
                links.add(link);
            }
        } catch (SQLException e) {
            return new Probe(Optional.empty(), replica.side().label() + ": could not read its replica status ("
                    + e.getMessage() + "); grant REPLICATION CLIENT (MariaDB: SLAVE MONITOR) to see replication");
        }
        return bySlot(source, from.get(), links);
    }

    /** A logical subscription on the replica that reads from one of the source database's own slots. */
    private static Probe bySlot(SideConnection source, ReplicationSql from, java.util.List<ReplicaLink> links) {
        Optional<String> slots = from.logicalSlots();
        if (slots.isEmpty() || links.stream().allMatch(l -> l.sourceSlot() == null)) {
            return new Probe(Optional.empty(), null);
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        try (Connection c = source.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(slots.get())) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return new Probe(Optional.empty(), source.side().label() + ": could not list its replication slots ("
                    + e.getMessage() + ")");
        }
        return new Probe(links.stream().filter(l -> l.sourceSlot() != null && names.contains(l.sourceSlot()))
                .findFirst(), null);
    }

    /** The side's count of committed row changes so far; empty where the engine has none or it cannot be read. */
    public static OptionalLong writeActivity(SideConnection side) {
        Optional<ReplicationSql> replication = side.engine().replication();
        if (replication.isEmpty()) {
            return OptionalLong.empty();
        }
        try (Connection c = side.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(replication.get().writeActivity())) {
            long sum = 0;
            while (rs.next()) {
                sum += rs.getLong(2);
            }
            return OptionalLong.of(sum);
        } catch (SQLException e) {
            return OptionalLong.empty();
        }
    }
}
