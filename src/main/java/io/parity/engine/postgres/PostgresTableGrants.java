package io.parity.engine.postgres;

import io.parity.engine.TableGrantSql;

import java.util.List;

/**
 * A role's write privileges from the tables' access lists ({@code aclexplode}), readable by any account, unlike
 * {@code information_schema.role_table_grants}, which shows only grants that involve the reader's own roles. A table
 * whose list is still the default ({@code relacl} NULL) gives its owner every privilege, so the owner's are listed
 * too. Privileges held through membership of another role are not the role's own to revoke and are not listed.
 *
 * <pre>
 * SELECT n.nspname, c.relname, a.privilege_type FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 *   CROSS JOIN LATERAL aclexplode(COALESCE(c.relacl, acldefault('r', c.relowner))) a
 *   JOIN pg_roles r ON r.oid = a.grantee WHERE r.rolname = ? AND ...
 * </pre>
 */
class PostgresTableGrants implements TableGrantSql {

    static final String ROLE_EXISTS = "SELECT 1 FROM pg_roles WHERE rolname = ?";

    static final String WRITE_PRIVILEGES = "SELECT n.nspname, c.relname, a.privilege_type"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " CROSS JOIN LATERAL aclexplode(COALESCE(c.relacl, acldefault('r', c.relowner))) a"
            + " JOIN pg_roles r ON r.oid = a.grantee"
            + " WHERE r.rolname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
            + " AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
            + " ORDER BY n.nspname, c.relname";

    private final PostgresSql sql;

    PostgresTableGrants(PostgresSql sql) {
        this.sql = sql;
    }

    @Override
    public String roleExists() {
        return ROLE_EXISTS;
    }

    @Override
    public String database() {
        return "SELECT current_database()";
    }

    @Override
    public String writePrivileges() {
        return WRITE_PRIVILEGES;
    }

    @Override
    public String revoke(List<String> privileges, String schema, String table, String role) {
        return "REVOKE " + String.join(", ", privileges) + " ON TABLE " + sql.quote(schema)
                + "." + sql.quote(table) + " FROM " + sql.quote(role) + ";";
    }
}
