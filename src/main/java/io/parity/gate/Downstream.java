package io.parity.gate;

import io.parity.core.Side;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replicas streaming from the source as the source sees them (PostgreSQL's {@code pg_stat_replication}): each one's
 * name, client, state, WAL bytes not yet replayed and replay delay. Evidence beside the destination's own status: a
 * primary may feed several standbys, and only the destination's view says which one is the destination.
 */
final class Downstream {

    private Downstream() {
    }

    /** The source's replicas, or empty where its engine does not list them. */
    static Optional<List<Map<String, Object>>> read(GateContext context) {
        return context.on(Side.SOURCE, "reading the replicas streaming from the source", (c, sql) -> {
            Optional<String> query = sql.replication().downstream();
            if (query.isEmpty()) {
                return Optional.empty();
            }
            List<Map<String, Object>> replicas = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query.get())) {
                while (rs.next()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("name", rs.getString("name"));
                    r.put("client", rs.getString("client"));
                    r.put("state", rs.getString("state"));
                    r.put("bytes_behind", rs.getObject("bytes_behind", Long.class));
                    r.put("replay_lag_ms", rs.getObject("replay_lag_ms", Long.class));
                    replicas.add(r);
                }
            }
            return Optional.of(replicas);
        });
    }

    static String describe(List<Map<String, Object>> replicas) {
        if (replicas.isEmpty()) {
            return "the source streams to no replica";
        }
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> r : replicas) {
            parts.add(r.get("name") + "@" + r.get("client") + " " + r.get("state") + ", " + r.get("bytes_behind")
                    + " bytes behind" + (r.get("replay_lag_ms") == null ? "" : ", replay lag " + r.get("replay_lag_ms") + " ms"));
        }
        return "the source streams to " + String.join("; ", parts);
    }
}
