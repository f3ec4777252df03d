package io.parity.engine;

import java.util.List;

/**
 * An account's write privileges as table privileges (PostgreSQL), and the statements that revoke them. Every query
 * takes the role name as its one bind parameter; {@link #revoke} quotes every identifier through the engine.
 *
 * <pre>
 * REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE "public"."orders" FROM "migrator";
 * </pre>
 */
public interface TableGrantSql {

    /** Privileges that let an account change a table's data or attach code to it, in the order they are printed. */
    List<String> WRITE = List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");

    /** One row when the role exists. */
    String roleExists();

    /** One row, one column: the database the connection is in, which holds the tables listed. */
    String database();

    /**
     * The write privileges the role holds directly on tables of this database, its ownership included:
     * {@code schema, table, privilege}, ordered by schema and table.
     */
    String writePrivileges();

    /** {@code REVOKE p1, p2 ON TABLE "schema"."table" FROM "role";} */
    String revoke(List<String> privileges, String schema, String table, String role);
}
