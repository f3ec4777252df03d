package io.parity.gate;

import io.parity.engine.TableGrantSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code grants} gate where privileges are per table (PostgreSQL): the role's write privileges on the tables of
 * the connected database, grouped by table, limited to the schemas in scope, and the REVOKE statements for them.
 * The scope names schemas when it names anything besides the connected database itself; otherwise every schema is in
 * scope, as the database is.
 */
final class TablePrivileges {

    private TablePrivileges() {
    }

    static GrantsGate.Found read(Connection c, TableGrantSql sql, String role, List<String> scope) throws SQLException {
        if (!exists(c, sql, role)) {
            return new GrantsGate.Found(null, List.of());
        }
        Set<String> schemas = schemas(c, sql, scope);
        List<TableGrant> grants = grants(c, sql, role, schemas);
        return new GrantsGate.Found(grants.stream().map(TableGrant::describe).toList(),
                RevokePlan.statements(sql, role, grants));
    }

    private static boolean exists(Connection c, TableGrantSql sql, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.roleExists())) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The schemas the scope names, or empty for every schema. */
    private static Set<String> schemas(Connection c, TableGrantSql sql, List<String> scope) throws SQLException {
        String database;
        try (PreparedStatement ps = c.prepareStatement(sql.database()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            database = rs.getString(1);
        }
        return Set.copyOf(scope.stream().filter(s -> !s.equals(database)).toList());
    }

    private static List<TableGrant> grants(Connection c, TableGrantSql sql, String role, Set<String> schemas)
            throws SQLException {
        Map<List<String>, List<String>> byTable = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.writePrivileges())) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    if (schemas.isEmpty() || schemas.contains(schema)) {
                        byTable.computeIfAbsent(List.of(schema, rs.getString(2)), k -> new ArrayList<>())
                                .add(rs.getString(3));
                    }
                }
            }
        }
        List<TableGrant> grants = new ArrayList<>();
        byTable.forEach((t, privileges) -> grants.add(new TableGrant(t.get(0), t.get(1), privileges)));
        return grants;
    }
}
