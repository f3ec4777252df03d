package io.parity.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code parity privileges} applied as printed to a fresh account: verify runs with it and it cannot write; repair
 * --apply runs with the repair grants; verify warns (one line) for an account that can write and not for the fresh
 * one. On the local MariaDB and PostgreSQL; the accounts are dropped afterwards.
 */
class PrivilegesIT {

    static final String SRC = "pit_priv_src";
    static final String DST = "pit_priv_dst";
    static final String PG = "pit_priv_pg";

    @TempDir
    Path dir;

    @AfterEach
    void dropAccounts() {
        TestDatabase db = TestDatabase.get();
        db.execute("DROP USER IF EXISTS 'pit_ro'@'127.0.0.1'", "DROP USER IF EXISTS 'pit_rw'@'127.0.0.1'",
                "DROP USER IF EXISTS 'pit_gates'@'127.0.0.1'", "DROP USER IF EXISTS 'pit_migrator'@'%'",
                "DROP DATABASE IF EXISTS pit_priv_hb");
    }

    private static void mariaTables() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String name : List.of(SRC, DST)) {
            db.execute("USE " + name, "CREATE TABLE t (id INT PRIMARY KEY, v INT)",
                    "INSERT INTO t SELECT seq, seq FROM " + Numbers.upTo(200));
        }
        db.execute("USE " + DST, "UPDATE t SET v = 0 WHERE id = 7");
    }

    private Path spec(String name, String user, String password, String srcUrl, String dstUrl, String tables)
            throws Exception {
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, "name: " + name + "\n"
                + "source:\n  url: " + srcUrl + "\n  user: " + user + "\n  password: \"" + password + "\"\n"
                + "destination:\n  url: " + dstUrl + "\n  user: " + user + "\n  password: \"" + password + "\"\n"
                + tables);
        return file;
    }

    /** Runs the printed statements (comment lines skipped) as the administrator. */
    private static void apply(String printed, Connection admin) throws SQLException {
        try (Statement st = admin.createStatement()) {
            for (String line : printed.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).toList()) {
                st.execute(line.substring(0, line.length() - 1));
            }
        }
    }

    private CliRun verify(Path spec) {
        return CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
    }

    @Test
    void verifyGrantsLetVerifyRunAndNothingWriteAndOnlyTheWriterIsWarned() throws Exception {
        TestDatabase db = TestDatabase.get();
        mariaTables();
        db.execute("CREATE USER 'pit_ro'@'127.0.0.1' IDENTIFIED BY 'ro-pw-1'");
        Path ro = spec("priv-ro", "pit_ro", "ro-pw-1", db.url(SRC), db.url(DST), "tables:\n  - name: " + SRC + ".t\n"
                + "    target: " + DST + ".t\n");

        CliRun printed = CliRun.run(null, "privileges", "--job", ro.toString(), "--host", "127.0.0.1");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        try (Connection admin = DriverManager.getConnection(db.url(""), db.user(), db.password())) {
            apply(printed.out(), admin);
        }
        CliRun run = verify(ro);

        assertThat(printed.out()).contains("GRANT SELECT ON `" + SRC + "`.`t` TO 'pit_ro'@'127.0.0.1';")
                .doesNotContain("INSERT");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("can write");
        SQLException denied = catchThrowableOfType(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection(db.url(DST), "pit_ro", "ro-pw-1");
                 Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO t VALUES (1000, 1)");
            }
        });
        assertThat((Throwable) denied).isNotNull();
        assertThat(denied.getErrorCode()).isEqualTo(1142); // INSERT command denied

        CliRun asRoot = verify(spec("priv-root", db.user(), db.password(), db.url(SRC), db.url(DST),
                "tables:\n  - name: " + SRC + ".t\n    target: " + DST + ".t\n"));
        assertThat(asRoot.err().lines().filter(l -> l.contains("can write")).toList()).as(asRoot.err())
                .containsExactly("parity: warning: the source account '" + db.user() + "' can write to " + SRC + ".t;"
                        + " the destination account '" + db.user() + "' can write to " + DST + ".t. Verify needs"
                        + " SELECT only: 'parity privileges --job " + dir.resolve("priv-root.yml") + "' prints the"
                        + " grants");
    }

    @Test
    void repairGrantsLetRepairApply() throws Exception {
        TestDatabase db = TestDatabase.get();
        mariaTables();
        db.execute("CREATE USER 'pit_rw'@'127.0.0.1' IDENTIFIED BY 'rw-pw-1'");
        Path rw = spec("priv-rw", "pit_rw", "rw-pw-1", db.url(SRC), db.url(DST), "tables:\n  - name: " + SRC + ".t\n"
                + "    target: " + DST + ".t\n");
        CliRun printed = CliRun.run(null, "privileges", "--job", rw.toString(), "--for", "repair", "--host",
                "127.0.0.1", "--server", "mariadb");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        try (Connection admin = DriverManager.getConnection(db.url(""), db.user(), db.password())) {
            apply(printed.out(), admin);
        }

        CliRun before = verify(rw);
        CliRun repair = CliRun.run(dir, "repair", "--job", rw.toString(), "--apply", "--report-dir",
                dir.resolve("r").toString());
        CliRun after = verify(rw);

        assertThat(before.exitCode()).as(before.out() + before.err()).isEqualTo(1);
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
        assertThat(db.query("SELECT v FROM " + DST + ".t WHERE id = 7")).isEqualTo("7");
    }

    /**
     * The gates that run on one server (not a replica): with the {@code --for cutover} grants each reaches a verdict
     * (0 or 1), none fails to measure (3); without them the grants gate cannot read the migration account's grants.
     */
    @Test
    void cutoverGrantsLetTheGatesMeasure() throws Exception {
        TestDatabase db = TestDatabase.get();
        mariaTables();
        db.execute("CREATE USER 'pit_gates'@'127.0.0.1' IDENTIFIED BY 'gt-pw-1'",
                "CREATE USER 'pit_migrator'@'%' IDENTIFIED BY 'mg-pw-1'", "GRANT INSERT ON " + DST + ".* TO 'pit_migrator'@'%'");
        Path gates = spec("priv-gates", "pit_gates", "gt-pw-1", db.url(SRC), db.url(DST), "tables:\n  - name: " + SRC
                + ".t\n    target: " + DST + ".t\ncutover:\n  heartbeat: { schema: pit_priv_hb, gtid-domain-id: 99 }\n"
                + "  steps:\n    - gate: lag\n      max-delay: 5s\n      timeout: 10s\n    - gate: sessions\n"
                + "    - gate: grants\n      accounts: [\"pit_migrator@%\"]\n    - gate: reverse-replication\n"
                + "      within: 5s\n");
        CliRun before = CliRun.run(dir, "gate", "grants", "--job", gates.toString(), "--report-dir",
                dir.resolve("g0").toString());

        CliRun printed = CliRun.run(null, "privileges", "--job", gates.toString(), "--for", "cutover", "--host",
                "127.0.0.1", "--server", "mariadb");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        try (Connection admin = DriverManager.getConnection(db.url(""), db.user(), db.password())) {
            apply(printed.out(), admin);
        }

        assertThat(before.exitCode()).as(before.out() + before.err()).isEqualTo(3);
        for (String gate : List.of("lag", "sessions", "grants", "reverse-replication")) {
            CliRun run = CliRun.run(dir, "gate", gate, "--job", gates.toString(), "--report-dir",
                    dir.resolve("g").toString());
            assertThat(run.exitCode()).as(gate + ": " + run.out() + run.err()).isIn(0, 1);
        }
        CliRun grants = CliRun.run(dir, "gate", "grants", "--job", gates.toString(), "--report-dir",
                dir.resolve("g").toString());
        assertThat(grants.out()).contains("INSERT"); // it read the migrator's write privilege
    }

    /**
     * The same on the replication pair (3307 -> 3308), where the gates read a real replica: accounts and grants are
     * made on the source and replicate. With the printed cutover grants every gate reaches a verdict; with the printed
     * verify grants, verify sees the replication and fences by GTID.
     */
    @Test
    void printedGrantsWorkOnTheReplicationPair() throws Exception {
        ReplicationPair.start();
        int src = ReplicationPair.SOURCE;
        String pairDb = "pit_priv_pair";
        ReplicationPair.execute(src, "DROP DATABASE IF EXISTS " + pairDb, "DROP DATABASE IF EXISTS pit_priv_hb2",
                "DROP USER IF EXISTS 'pit_gates2'@'127.0.0.1'", "DROP USER IF EXISTS 'pit_reader2'@'127.0.0.1'",
                "DROP USER IF EXISTS 'pit_migrator2'@'%'", "CREATE DATABASE " + pairDb,
                "CREATE TABLE " + pairDb + ".t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO " + pairDb + ".t SELECT seq, seq FROM " + Numbers.upTo(500),
                "CREATE USER 'pit_gates2'@'127.0.0.1' IDENTIFIED BY 'gt-pw-2'",
                "CREATE USER 'pit_reader2'@'127.0.0.1' IDENTIFIED BY 'rd-pw-2'",
                "CREATE USER 'pit_migrator2'@'%' IDENTIFIED BY 'mg-pw-2'",
                "GRANT INSERT ON " + pairDb + ".* TO 'pit_migrator2'@'%'");
        try {
            Path gates = spec("priv-pair", "pit_gates2", "gt-pw-2", ReplicationPair.url(src, pairDb),
                    ReplicationPair.url(ReplicationPair.DESTINATION, pairDb), "tables: [t]\ncutover:\n"
                            + "  heartbeat: { schema: pit_priv_hb2 }\n  steps:\n    - gate: lag\n      max-delay: 5s\n"
                            + "      timeout: 20s\n    - gate: caught-up\n      timeout: 20s\n    - gate: sessions\n"
                            + "    - gate: grants\n      accounts: [\"pit_migrator2@%\"]\n");
            CliRun printed = CliRun.run(null, "privileges", "--job", gates.toString(), "--for", "cutover", "--host",
                    "127.0.0.1", "--server", "mariadb");
            assertThat(printed.exitCode()).as(printed.err()).isZero();
            try (Connection admin = ReplicationPair.connect(src)) {
                apply(printed.out(), admin);
            }
            ReplicationPair.awaitCaughtUp();
            for (String gate : List.of("lag", "caught-up", "sessions", "grants")) {
                CliRun run = CliRun.run(dir, "gate", gate, "--job", gates.toString(), "--report-dir",
                        dir.resolve("gp").toString());
                assertThat(run.exitCode()).as(gate + ": " + run.out() + run.err()).isIn(0, 1);
            }

            Path verify = spec("priv-pair-verify", "pit_reader2", "rd-pw-2", ReplicationPair.url(src, pairDb),
                    ReplicationPair.url(ReplicationPair.DESTINATION, pairDb), "tables: [t]\n");
            CliRun readGrants = CliRun.run(null, "privileges", "--job", verify.toString(), "--for", "verify",
                    "--host", "127.0.0.1", "--server", "mariadb");
            try (Connection admin = ReplicationPair.connect(src)) {
                apply(readGrants.out(), admin);
            }
            ReplicationPair.awaitCaughtUp();
            CliRun run = CliRun.run(dir.resolve("pv"), "verify", "--job", verify.toString(), "--report-dir",
                    dir.resolve("rp").toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(java.nio.file.Files.readString(dir.resolve("rp/priv-pair-verify/1/summary.json")))
                    .contains("\"mode\" : \"gtid-fence\"");
        } finally {
            ReplicationPair.execute(src, "DROP DATABASE IF EXISTS " + pairDb, "DROP DATABASE IF EXISTS pit_priv_hb2",
                    "DROP USER IF EXISTS 'pit_gates2'@'127.0.0.1'", "DROP USER IF EXISTS 'pit_reader2'@'127.0.0.1'",
                    "DROP USER IF EXISTS 'pit_migrator2'@'%'");
            ReplicationPair.awaitCaughtUp();
        }
    }

    @Test
    void postgresVerifyGrantsLetVerifyRunAndNothingWrite() throws Exception {
        TestPostgres pg = TestPostgres.get();
        pg.recreate(PG);
        pg.execute("postgres", "DROP ROLE IF EXISTS pit_pg_ro", "CREATE ROLE pit_pg_ro LOGIN PASSWORD 'pg-ro-1'");
        try {
            pg.execute(PG, "CREATE TABLE t (id INT PRIMARY KEY, v INT)",
                    "INSERT INTO t SELECT g, g FROM generate_series(1, 200) g", "CREATE TABLE u AS SELECT * FROM t",
                    "ALTER TABLE u ADD PRIMARY KEY (id)", "UPDATE u SET v = 0 WHERE id = 7");
            Path ro = spec("priv-pg", "pit_pg_ro", "pg-ro-1", pg.url(PG), pg.url(PG), "tables:\n  - name: t\n"
                    + "    target: u\n");
            CliRun printed = CliRun.run(null, "privileges", "--job", ro.toString());
            try (Connection admin = pg.connect(PG)) {
                apply(printed.out(), admin);
            }

            CliRun run = verify(ro);
            CliRun asAdmin = verify(spec("priv-pg-admin", pg.user(), pg.password(), pg.url(PG), pg.url(PG),
                    "tables:\n  - name: t\n    target: u\n"));

            assertThat(printed.out()).contains("GRANT SELECT ON TABLE \"public\".\"t\" TO \"pit_pg_ro\";")
                    .doesNotContain("INSERT");
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.err()).doesNotContain("can write");
            SQLException denied = catchThrowableOfType(SQLException.class, () -> {
                try (Connection c = DriverManager.getConnection(pg.url(PG), "pit_pg_ro", "pg-ro-1");
                     Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO u VALUES (1000, 1)");
                }
            });
            assertThat((Throwable) denied).isNotNull();
            assertThat(denied.getSQLState()).isEqualTo("42501"); // insufficient privilege
            assertThat(asAdmin.err()).contains("parity: warning: the source account '" + pg.user()
                    + "' can write to public.t; the destination account '" + pg.user() + "' can write to public.u.");
        } finally {
            pg.execute("postgres", "DROP DATABASE IF EXISTS " + PG + " WITH (FORCE)", "DROP ROLE IF EXISTS pit_pg_ro");
        }
    }
}
