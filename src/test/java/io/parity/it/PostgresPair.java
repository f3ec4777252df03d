package io.parity.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL replication pair of {@code sql/testbed/postgres-pair.sh}: primary 127.0.0.1:5433 streaming to the
 * standby 127.0.0.1:5434. Tests start it themselves (idempotent) and put it back as they found it: replay running,
 * databases writable.
 */
final class PostgresPair {

    static final int PRIMARY = 5433;
    static final int STANDBY = 5434;
    private static final Path SCRIPT = Path.of("sql/testbed/postgres-pair.sh").toAbsolutePath();

    private PostgresPair() {
    }

    /** Starts the pair (initialising it on first use) with replay running, or fails the test with the script's output. */
    static void start() {
        try {
            File log = Files.createTempFile("parity-pg-pair", ".log").toFile();
            Process p = new ProcessBuilder("bash", SCRIPT.toString(), "start").redirectErrorStream(true)
                    .redirectOutput(log).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("postgres-pair.sh start failed:\n" + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drops (closing its sessions) and creates {@code database} on the primary, and waits until the standby has it. */
    static void recreate(String database) {
        execute(PRIMARY, "postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)",
                "CREATE DATABASE " + database);
        awaitReplayed();
    }

    static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    static Connection connect(int port, String database) throws SQLException {
        return connect(port, database, "postgres");
    }

    static Connection connect(int port, String database, String user) throws SQLException {
        return DriverManager.getConnection(url(port, database), user, "");
    }

    static void execute(int port, String database, String... statements) {
        try (Connection c = connect(port, database); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("on port " + port + ": " + e.getMessage(), e);
        }
    }

    static String query(int port, String database, String sql) {
        try (Connection c = connect(port, database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("on port " + port + ": " + e.getMessage(), e);
        }
    }

    static void pauseReplay() {
        execute(STANDBY, "postgres", "SELECT pg_wal_replay_pause()");
    }

    static void resumeReplay() {
        execute(STANDBY, "postgres", "SELECT pg_wal_replay_resume()");
    }

    /** Waits until the standby has replayed everything the primary has written (up to 20 s). */
    static void awaitReplayed() {
        String target = query(PRIMARY, "postgres", "SELECT pg_current_wal_lsn()");
        for (int i = 0; i < 200; i++) {
            if ("t".equals(query(STANDBY, "postgres", "SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn"))) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("the standby did not replay up to " + target);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A job spec with {@code database} on the primary (source) and on {@code destinationPort}, and the given tail. */
    static Path spec(Path dir, String name, String database, int destinationPort, String tail) {
        String yaml = "name: " + name + "\n"
                + "source:\n  url: " + url(PRIMARY, database) + "\n  user: postgres\n  password: \"\"\n"
                + "destination:\n  url: " + url(destinationPort, database) + "\n  user: postgres\n  password: \"\"\n"
                + "tables: [t]\n" + tail;
        try {
            Path file = dir.resolve(name + ".yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
