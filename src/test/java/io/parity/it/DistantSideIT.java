package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination behind the benchmark's delaying proxy ({@code sql/bench/wan-proxy.py}, 6 ms round trip): with no
 * {@code parallelism} in the spec the run checks four partitions at once and says why; a spec's own number is kept.
 * Differences are exact either way.
 */
class DistantSideIT {

    static final String SRC = "pit_far_src";
    static final String DST = "pit_far_dst";

    @TempDir
    static Path dir;

    static Process proxy;
    static int port;

    @BeforeAll
    static void setUp() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String name : new String[] {SRC, DST}) {
            db.execute("USE " + name, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20), n DECIMAL(8,2))",
                    "INSERT INTO t SELECT seq, CONCAT('row-', seq), seq / 8 FROM " + Numbers.upTo(30_000));
        }
        db.execute("USE " + DST, "UPDATE t SET v = 'changed' WHERE id = 1234", "DELETE FROM t WHERE id = 20001",
                "INSERT INTO t VALUES (40000, 'extra', 1.00)");
        Matcher m = Pattern.compile("//([^:/]+):(\\d+)/").matcher(db.url(""));
        assertThat(m.find()).as(db.url("")).isTrue();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        proxy = new ProcessBuilder("python3", "sql/bench/wan-proxy.py", String.valueOf(port), m.group(2),
                "--rtt-ms", "6", "--mbit", "1000").redirectErrorStream(true)
                .redirectOutput(dir.resolve("proxy.log").toFile()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !proxy.isAlive()) {
                    throw new IllegalStateException("the delaying proxy did not start: "
                            + Files.readString(dir.resolve("proxy.log")), e);
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.destroy();
        }
    }

    private static JsonNode verify(String name, String options) throws IOException {
        TestDatabase db = TestDatabase.get();
        String far = db.url(DST).replaceFirst("//([^:/]+):(\\d+)/", "//127.0.0.1:" + port + "/");
        Path spec = dir.resolve(name + ".yml");
        Files.writeString(spec, "name: " + name + "\n"
                + "source:\n  url: " + db.url(SRC) + "\n  user: " + db.user() + "\n  password: \"" + db.password() + "\"\n"
                + "destination:\n  url: " + far + "\n  user: " + db.user() + "\n  password: \"" + db.password() + "\"\n"
                + "tables: [t]\noptions:\n  recheck: { attempts: 0 }\n" + options);
        Path reports = dir.resolve("reports-" + name);
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        Path runDir;
        try (var runs = Files.list(reports.resolve(name))) {
            runDir = runs.findFirst().orElseThrow();
        }
        JsonNode summary = JsonMapper.builder().build().readTree(runDir.resolve("summary.json").toFile());
        JsonNode t = summary.get("tables").get(0);
        assertThat(t.get("missing").asLong() + " " + t.get("extra").asLong() + " " + t.get("changed").asLong())
                .isEqualTo("1 1 1");
        return summary;
    }

    @Test
    void fourPartitionsAtOnceWhenTheSpecLeavesItOpen() throws IOException {
        String hashing = verify("far", "").get("hashing").asString();
        assertThat(hashing).matches(".*; 4 partitions at once: the destination is \\d+\\.\\d ms away$");
    }

    @Test
    void theSpecsParallelismIsKept() throws IOException {
        String hashing = verify("far-set", "  parallelism: 2\n").get("hashing").asString();
        assertThat(hashing).contains("the destination is").doesNotContain("partitions at once");
    }
}
