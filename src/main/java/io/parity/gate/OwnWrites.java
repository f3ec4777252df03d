package io.parity.gate;

import io.parity.core.ParityException;
import io.parity.core.Side;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a server's GTID position that it wrote itself, as opposed to what replication brought it: MariaDB's
 * {@code domain-server-seq} entries whose server is its own {@code server_id}, MySQL's {@code uuid:ranges} entries
 * under its own {@code server_uuid}. A new own entry means a client wrote on that server. PostgreSQL's WAL position
 * does not say who wrote, so the post-switch gates that need this cannot measure there and say so.
 */
final class OwnWrites {

    private OwnWrites() {
    }

    /** One observation's values: the position, the server's identity and its own part. */
    static Map<String, Object> read(GateContext context, Side side, String gate) {
        Long ignored = context.heartbeat().gtidDomainId();
        return context.on(side, "reading its GTID position and identity", (c, sql) -> {
            if ("postgresql".equals(sql.family())) {
                throw new ParityException(io.parity.core.Failure.INCOMPLETE, gate + ": a PostgreSQL WAL position does not say which writes came"
                        + " from clients and which from replication; not measurable on PostgreSQL");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            long serverId;
            String uuid;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.replication().serverIdentity())) {
                rs.next();
                serverId = rs.getLong(1);
                uuid = rs.getString(2);
            }
            String position;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.replication().gtidPosition())) {
                rs.next();
                position = GtidPosition.withoutDomain(rs.getString(1), ignored);
            }
            values.put("server_id", serverId);
            if (uuid != null && !uuid.isEmpty()) {
                values.put("server_uuid", uuid);
            }
            values.put("position", position);
            values.put("own", own(position, serverId, uuid));
            return values;
        });
    }

    /** The entries of {@code position} this server wrote itself. */
    static String own(String position, long serverId, String uuid) {
        List<String> kept = new ArrayList<>();
        for (String entry : position.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains(":")) {
                if (uuid != null && e.substring(0, e.indexOf(':')).equalsIgnoreCase(uuid)) {
                    kept.add(e);
                }
            } else {
                String[] parts = e.split("-");
                if (parts.length == 3 && parts[1].equals(Long.toString(serverId))) {
                    kept.add(e);
                }
            }
        }
        return String.join(",", kept);
    }

    /** Whether {@code later} holds an own entry {@code earlier} did not: the server wrote in between. */
    static boolean wrote(String earlier, String later) {
        List<String> before = List.of(earlier.split(","));
        for (String e : later.split(",")) {
            if (!e.isBlank() && !before.contains(e)) {
                return true;
            }
        }
        return false;
    }
}
