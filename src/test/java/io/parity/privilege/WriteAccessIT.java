package io.parity.privilege;

import io.parity.engine.AccountSql;
import io.parity.engine.mysql.MySqlAccountSql;
import io.parity.engine.postgres.PostgresAccountSql;
import io.parity.it.TestDatabase;
import io.parity.it.TestPostgres;
import io.parity.schema.TableRef;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one query a side that tells which compared tables an account could write to: each grant level (global, schema,
 * table; INSERT, UPDATE or DELETE) counts, a table granted only SELECT does not, and the answer keeps the tables'
 * order, on MariaDB and PostgreSQL.
 */
class WriteAccessIT {

    static final String DB = "pit_wa";
    static final String OTHER = "pit_wa_other";

    private static List<TableRef> tables(String schema, String... names) {
        return java.util.Arrays.stream(names).map(n -> new TableRef(schema, n)).toList();
    }

    @Test
    void mariaDbNamesTheWritableTablesInOrder() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.recreate(DB, OTHER);
        db.execute("USE " + DB, "CREATE TABLE a (id INT PRIMARY KEY)", "CREATE TABLE b (id INT PRIMARY KEY)",
                "CREATE TABLE c (id INT PRIMARY KEY)", "CREATE TABLE d (id INT PRIMARY KEY)",
                "CREATE TABLE e (id INT PRIMARY KEY)", "CREATE TABLE " + OTHER + ".f (id INT PRIMARY KEY)",
                "DROP USER IF EXISTS 'pit_wa'@'127.0.0.1'", "CREATE USER 'pit_wa'@'127.0.0.1' IDENTIFIED BY 'wa-pw-1'",
                "GRANT SELECT ON " + DB + ".* TO 'pit_wa'@'127.0.0.1'",
                "GRANT INSERT ON " + DB + ".b TO 'pit_wa'@'127.0.0.1'",
                "GRANT UPDATE ON " + DB + ".e TO 'pit_wa'@'127.0.0.1'",
                "GRANT SELECT, DELETE ON " + OTHER + ".* TO 'pit_wa'@'127.0.0.1'");
        AccountSql sql = new MySqlAccountSql(true);
        List<TableRef> all = new java.util.ArrayList<>(tables(DB, "a", "b", "c", "d", "e"));
        all.add(2, new TableRef(OTHER, "f"));
        try (Connection c = DriverManager.getConnection(db.url(DB), "pit_wa", "wa-pw-1")) {
            assertThat(WriteAccess.writable(c, sql, all))
                    .containsExactly(new TableRef(DB, "b"), new TableRef(OTHER, "f"), new TableRef(DB, "e"));
            assertThat(WriteAccess.writable(c, sql, tables(DB, "a"))).isEmpty();
            assertThat(WriteAccess.writable(c, sql, tables(DB, "b"))).containsExactly(new TableRef(DB, "b"));
        } finally {
            db.execute("DROP USER IF EXISTS 'pit_wa'@'127.0.0.1'");
        }
        try (Connection c = db.connect(DB)) { // the administrator: a global grant covers every table
            assertThat(WriteAccess.writable(c, sql, all)).containsExactlyElementsOf(all);
        }
    }

    @Test
    void postgresNamesTheWritableTablesInOrder() throws Exception {
        TestPostgres pg = TestPostgres.get();
        pg.recreate(DB);
        pg.execute("postgres", "DROP ROLE IF EXISTS pit_wa_pg", "CREATE ROLE pit_wa_pg LOGIN PASSWORD 'wa-pg-1'");
        try {
            pg.execute(DB, "CREATE TABLE a (id INT PRIMARY KEY)", "CREATE TABLE b (id INT PRIMARY KEY)",
                    "CREATE TABLE c (id INT PRIMARY KEY)", "CREATE TABLE d (id INT PRIMARY KEY)",
                    "CREATE SCHEMA s2", "CREATE TABLE s2.\"Mixed Case\" (id INT PRIMARY KEY)",
                    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO pit_wa_pg", "GRANT INSERT ON b TO pit_wa_pg",
                    "GRANT USAGE ON SCHEMA s2 TO pit_wa_pg", "GRANT DELETE ON s2.\"Mixed Case\" TO pit_wa_pg");
            AccountSql sql = new PostgresAccountSql();
            List<TableRef> all = List.of(new TableRef("public", "a"), new TableRef("s2", "Mixed Case"),
                    new TableRef("public", "b"), new TableRef("public", "c"), new TableRef("public", "d"));
            try (Connection c = DriverManager.getConnection(pg.url(DB), "pit_wa_pg", "wa-pg-1")) {
                assertThat(WriteAccess.writable(c, sql, all))
                        .containsExactly(new TableRef("s2", "Mixed Case"), new TableRef("public", "b"));
                assertThat(WriteAccess.writable(c, sql, all.subList(3, 4))).isEmpty();
            }
            try (Connection c = pg.connect(DB)) {
                assertThat(WriteAccess.writable(c, sql, all)).containsExactlyElementsOf(all);
            }
        } finally {
            pg.execute("postgres", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)", "DROP ROLE IF EXISTS pit_wa_pg");
        }
    }
}
