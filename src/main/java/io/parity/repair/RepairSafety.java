package io.parity.repair;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.engine.ReplicationSql;
import io.parity.engine.SqlStatement;
import io.parity.schema.SideTable;
import io.parity.schema.TableSchema;
import io.parity.schema.UniqueKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes applying a repair to a target table unsafe, each with the override that accepts the risk: triggers
 * (they fire on every repaired row), child tables with cascading foreign keys (a delete or key change spreads), no
 * unique key on the repair key (a guarded statement may hit a twin row), and a target that is itself a replica
 * (writing there breaks replication).
 */
public final class RepairSafety {

    /** Overrides the user granted on the command line. */
    public record Overrides(boolean triggers, boolean cascades, boolean noKey, boolean replica) {
    }

    private final SideConnection target;

    public RepairSafety(SideConnection target) {
        this.target = target;
    }

    /** Problems that are not overridden, one line each; empty when applying is allowed. */
    public List<String> problems(List<SideTable> tables, Overrides overrides) {
        List<String> problems = new ArrayList<>();
        String side = target.side().label();
        try (Connection c = target.dataSource().getConnection()) {
            for (SideTable t : tables) {
                List<String> triggers = rows(c, target.engine().catalog().triggers(t));
                if (!overrides.triggers() && !triggers.isEmpty()) {
                    problems.add(side + " table " + t.ref() + " has triggers " + triggers
                            + " that would fire on every repaired row; pass --allow-triggers to apply anyway");
                }
                List<String> children = rows(c, target.engine().catalog().cascadingChildren(t));
                if (!overrides.cascades() && !children.isEmpty()) {
                    problems.add(side + " table " + t.ref() + " is the parent of cascading foreign keys " + children
                            + "; repaired deletes and key changes would spread; pass --allow-cascades to apply anyway");
                }
                // a table without a key is repaired by value: a guarded statement is meant to hit any one twin
                if (!overrides.noKey() && !t.key().isEmpty() && !hasUniqueKey(c, t)) {
                    problems.add(side + " table " + t.ref() + " has no unique key on " + t.keyNames()
                            + "; guarded statements could hit a twin row; pass --allow-no-key to apply anyway");
                }
            }
            if (!overrides.replica()) {
                String replica = replicaOf(c);
                if (replica != null) {
                    problems.add("the " + side + " is a replica (" + replica + "); writing to it breaks replication;"
                            + " pass --allow-replica (and consider --no-binlog) to apply anyway");
                }
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("checking whether repair is safe", target.side(), e);
        }
        return problems;
    }

    private boolean hasUniqueKey(Connection c, SideTable t) throws SQLException {
        TableSchema schema = target.engine().catalog().describe(c, t.ref()).orElse(null);
        if (schema == null) {
            return false;
        }
        List<String> key = t.keyNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        for (UniqueKey k : schema.uniqueKeys()) {
            if (k.columns().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private String replicaOf(Connection c) {
        ReplicationSql replication = target.engine().replication().orElse(null);
        if (replication == null) {
            return null; // the engine does not replicate
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(replication.replicaStatus())) {
            if (rs.next()) {
                String host = replication.replicaSource(rs);
                return "replicating from " + (host == null ? "another server" : host);
            }
            return null;
        } catch (SQLException e) {
            return "cannot tell: " + e.getMessage();
        }
    }

    private List<String> rows(Connection c, SqlStatement stmt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
