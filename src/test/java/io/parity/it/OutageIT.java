package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination server that goes away during a run: the run ends with exit 3 and stays restartable; once the server
 * is back, --restart completes it with the report of an undisturbed run. Uses a throw-away server on port 3309
 * started by the project's script.
 */
class OutageIT {

    static final String PORT = "3309";
    static final String DB = "pit_outage";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        TestDatabase.assumeNoMySqlImage("stops and starts an extra mariadbd of sql/testbed/mariadb-instance.sh");
        script("start");
        TestDatabase local = TestDatabase.get();
        local.recreate(DB);
        local.execute("USE " + DB, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t SELECT seq, seq FROM " + Numbers.upTo(8000));
        try (var c = java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + PORT + "/", "root", "");
             var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB);
            st.execute("CREATE DATABASE " + DB);
            st.execute("USE " + DB);
            st.execute("CREATE TABLE " + DB + ".t (id INT PRIMARY KEY, v INT)");
            st.execute("INSERT INTO " + DB + ".t SELECT seq, IF(seq = 7777, 0, seq) FROM " + Numbers.upTo(8000));
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (!TestDatabase.mysqlImageRun()) {
            script("stop");
        }
    }

    static void script(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "sql/testbed/mariadb-instance.sh", command, PORT).inheritIO().start();
        assertThat(p.waitFor()).as("mariadb-instance.sh " + command).isZero();
    }

    @Test
    void serverLostMidRunExitsThreeAndRestartCompletesAfterItReturns() throws Exception {
        TestDatabase db = TestDatabase.get();
        Path spec = dir.resolve("outage.yml");
        Files.writeString(spec, "name: outage\nsource: {url: \"" + db.url(DB) + "\", user: " + db.user() + ", password: \""
                + db.password() + "\"}\ndestination: {url: \"jdbc:mysql://127.0.0.1:" + PORT + "/" + DB
                + "\", user: root, password: \"\"}\ntables:\n  - name: t\n    where: \"SLEEP(0.0005) = 0\"\n"
                + "options:\n  chunk-rows: 400\n  parallelism: 1\n  recheck: { attempts: 0 }\n"
                + "  retry: { attempts: 2, delay: 500ms }\n");
        String[] args = {"verify", "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString()};

        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.run(dir, args));
        Thread.sleep(2500);
        script("stop");
        long t0 = System.nanoTime();
        CliRun failed = run.get();
        System.out.println("[outage] failed run ended " + (System.nanoTime() - t0) / 1_000_000 + " ms after the stop");
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(3);
        assertThat(failed.err()).contains("destination:").contains("'parity verify --restart 1' continues it");

        script("start");
        CliRun restarted = CliRun.run(dir, "verify", "--restart", "1", "--report-dir", dir.resolve("reports").toString());
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("reports/outage/1/diffs.jsonl"))).containsExactly(
                "{\"table\":\"" + DB + ".t\",\"kind\":\"changed\",\"key\":{\"id\":7777},\"columns\":[\"v\"]}");
        assertThat(restarted.out()).contains("8000          8000");
    }
}
