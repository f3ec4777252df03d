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
 * The replication pair of {@code sql/testbed/mariadb-pair.sh}: source 127.0.0.1:3307 replicating to destination
 * 127.0.0.1:3308. Tests start it themselves (idempotent) and put it back as they found it: source writable, replica
 * threads running, no reverse replication.
 */
final class ReplicationPair {

    /** The pair's ports; {@code PARITY_PAIR_SOURCE_PORT} and {@code PARITY_PAIR_DESTINATION_PORT} move them (and the script). */
    static final int SOURCE = port("PARITY_PAIR_SOURCE_PORT", 3307);
    static final int DESTINATION = port("PARITY_PAIR_DESTINATION_PORT", 3308);

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
    private static final Path SCRIPT = Path.of("sql/testbed/mariadb-pair.sh").toAbsolutePath();

    private ReplicationPair() {
    }

    /** Runs the testbed script with the given arguments and fails the test with its output if it fails. */
    static void script(String... args) {
        try {
            File log = Files.createTempFile("parity-pair", ".log").toFile();
            String[] command = new String[args.length + 2];
            command[0] = "bash";
            command[1] = SCRIPT.toString();
            System.arraycopy(args, 0, command, 2, args.length);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("mariadb-pair.sh " + String.join(" ", args) + " failed:\n"
                        + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void start() {
        TestDatabase.assumeNoMySqlImage("needs the MariaDB replication pair of sql/testbed/mariadb-pair.sh");
        script("start");
        reset();
    }

    /** Source writable, both replica threads running, reverse replication off. */
    static void reset() {
        if (TestDatabase.mysqlImageRun()) {
            return; // start() skipped the test: there is no pair to put back
        }
        execute(SOURCE, "SET GLOBAL read_only = 0");
        execute(DESTINATION, "START SLAVE");
        script("reverse", "off");
    }

    static String url(int port, String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(url(port, ""), "root", "");
    }

    static void execute(int port, String... statements) {
        try (Connection c = connect(port); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("on port " + port + ": " + e.getMessage(), e);
        }
    }

    static String queryString(int port, String sql) {
        try (Connection c = connect(port); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the destination has applied everything the source has written (up to 20 s). */
    static void awaitCaughtUp() {
        String target = queryString(SOURCE, "SELECT @@gtid_binlog_pos");
        for (int i = 0; i < 200; i++) {
            String applied = queryString(DESTINATION, "SELECT @@gtid_slave_pos");
            if (applied != null && containsAll(applied, target)) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("destination did not catch up with " + target);
    }

    private static boolean containsAll(String applied, String target) {
        for (String gtid : target.split(",")) {
            if (!gtid.isBlank() && gtid.startsWith("1-") && !applied.contains(gtid.trim())) {
                return false;
            }
        }
        return true;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A job spec for the pair with the given database on both sides and the given cutover block. */
    static Path spec(Path dir, String name, String database, String cutover) {
        String yaml = "name: " + name + "\n"
                + "source:\n  url: " + url(SOURCE, database) + "\n  user: root\n  password: \"\"\n"
                + "destination:\n  url: " + url(DESTINATION, database) + "\n  user: root\n  password: \"\"\n"
                + "tables:\n  - include: \"" + database + ".*\"\n"
                + cutover;
        try {
            Path file = dir.resolve(name + ".yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
