package io.parity.verify;

import io.parity.connect.SideConnection;
import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.engine.Engine;
import io.parity.engine.Engines;
import io.parity.engine.ReplicationSql;
import io.parity.spec.ThrottlePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lag of everything a run should not outpace: each side that is itself a replica, and the source's own replicas,
 * listed in the spec ({@code throttle.replicas}) or found on the source ({@code SHOW SLAVE HOSTS} / {@code SHOW
 * REPLICAS}, reached with the source's account; PostgreSQL reports its standbys' replay lag itself). Nothing goes
 * unwatched silently: a replica that cannot be reached or asked is warned about once, by name. A replica whose
 * replication is stopped never catches up by itself, so it may hold the run for {@code stopped-replica-wait}, then the
 * run ends incomplete (exit 3) naming it.
 */
final class ReplicaWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWatch.class);

    private final ThrottlePolicy policy;
    private final List<SideConnection> sides;
    private final SideConnection source;
    private final Map<String, Connection> replicas = new LinkedHashMap<>();
    private final Map<String, Long> stoppedSince = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private boolean discovered;

    ReplicaWatch(ThrottlePolicy policy, List<SideConnection> sides, SideConnection source) {
        this.policy = policy;
        this.sides = List.copyOf(sides);
        this.source = source;
    }

    /** The first thing lagging more than {@code replica-lag} now, as words for the pause line, or null. */
    synchronized String overLimit() {
        if (policy.replicaLag() == null) {
            return null;
        }
        Map<String, Long> lags = new LinkedHashMap<>();
        for (SideConnection side : sides) {
            lag(side).ifPresent(l -> lags.put(side.side().label(), l));
        }
        if (source != null) {
            lags.putAll(sourceReplicas());
        }
        long limit = policy.replicaLag().toSeconds();
        String over = null;
        for (Map.Entry<String, Long> e : lags.entrySet()) {
            if (e.getValue() == Long.MAX_VALUE) {
                checkStopped(e.getKey());
            } else {
                stoppedSince.remove(e.getKey());
            }
            if (over == null && e.getValue() > limit) {
                over = e.getKey() + (e.getValue() == Long.MAX_VALUE ? " replication stopped"
                        : " replica lag " + e.getValue() + " s");
            }
        }
        return over;
    }

    private void checkStopped(String label) {
        long now = System.nanoTime();
        long since = stoppedSince.computeIfAbsent(label, k -> now);
        if (now - since > policy.stoppedReplicaWait().toNanos()) {
            throw new ParityException(Failure.INCOMPLETE, label + ": replication is stopped, so its lag cannot be"
                    + " waited out (waited " + policy.stoppedReplicaWait().toSeconds() + " s,"
                    + " options.throttle.stopped-replica-wait); start it, or take it out of options.throttle");
        }
    }

    private Optional<Long> lag(SideConnection side) {
        Optional<ReplicationSql> replication = side.engine().replication();
        if (replication.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = side.dataSource().getConnection()) {
            return lag(c, replication.get());
        } catch (SQLException e) {
            warnOnce(side.side().label(), e);
            return Optional.empty();
        }
    }

    /** The replica's own delay from its replica status; empty when it is no replica. */
    private static Optional<Long> lag(Connection c, ReplicationSql replication) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(replication.replicaStatus())) {
            return rs.next() ? Optional.ofNullable(replication.replicaLagSeconds(rs)) : Optional.empty();
        }
    }

    private Map<String, Long> sourceReplicas() {
        Map<String, Long> lags = new LinkedHashMap<>();
        Optional<ReplicationSql> replication = source.engine().replication();
        if (replication.isEmpty()) {
            return lags;
        }
        if (!discovered) {
            discovered = true;
            policy.replicas().forEach(url -> replicas.put(url, null));
            discover(replication.get()).forEach(url -> replicas.putIfAbsent(url, null));
        }
        for (String url : new ArrayList<>(replicas.keySet())) {
            String label = "source replica " + url.replaceFirst("^jdbc:[a-z]+://", "").replaceAll("/.*$", "");
            try {
                Connection c = connect(url);
                Engine engine = Engines.detect(c, label);
                Optional<Long> lag = engine.replication().isPresent() ? lag(c, engine.replication().get())
                        : Optional.empty();
                lag.ifPresent(l -> lags.put(label, l));
            } catch (SQLException | RuntimeException e) {
                closeQuietly(replicas.put(url, null));
                warnOnce(label, e);
            }
        }
        downstream(replication.get(), lags);
        return lags;
    }

    /** PostgreSQL: the source's own view of each standby's replay lag. */
    private void downstream(ReplicationSql replication, Map<String, Long> lags) {
        Optional<String> query = replication.downstream();
        if (query.isEmpty()) {
            return;
        }
        try (Connection c = source.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query.get())) {
            while (rs.next()) {
                long millis = rs.getLong("replay_lag_ms");
                if (!rs.wasNull()) {
                    lags.put("source replica " + rs.getString("name") + " (" + rs.getString("client") + ")",
                            millis / 1000);
                }
            }
        } catch (SQLException e) {
            warnOnce("source (its replicas)", e);
        }
    }

    /** The replicas the source lists, as URLs of the source's own scheme; none when it may not list them. */
    private List<String> discover(ReplicationSql replication) {
        List<String> urls = new ArrayList<>();
        Optional<String> query = replication.replicaHosts();
        if (query.isEmpty()) {
            return urls;
        }
        String scheme = source.endpoint().url().replaceFirst("^(jdbc:[a-z]+://).*$", "$1");
        try (Connection c = source.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query.get())) {
            while (rs.next()) {
                String host = rs.getString("Host");
                if (host != null && !host.isBlank()) {
                    urls.add(scheme + (host.contains(":") ? "[" + host + "]" : host) + ":" + rs.getInt("Port") + "/");
                }
            }
        } catch (SQLException e) {
            warnOnce("source (listing its replicas)", e);
        }
        return urls;
    }

    private Connection connect(String url) throws SQLException {
        Connection c = replicas.get(url);
        if (c == null || c.isClosed()) {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", source.endpoint().user());
            props.setProperty("password", source.endpoint().password().reveal());
            props.setProperty("connectTimeout", "5000");
            c = DriverManager.getConnection(url, props);
            replicas.put(url, c);
        }
        return c;
    }

    private void warnOnce(String label, Exception e) {
        if (warned.add(label)) {
            LOG.warn("throttle: cannot read the replication lag of {} ({}); it is not watched",
                    label, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing a broken connection
            }
        }
    }

    @Override
    public synchronized void close() {
        replicas.values().forEach(ReplicaWatch::closeQuietly);
        replicas.clear();
    }
}
