package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle pauses while a server is busy and spaces reads to a rows-per-second limit, and says how long. */
class ThrottleIT {

    static final String SRC = "pit_throttle_src";
    static final String DST = "pit_throttle_dst";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t SELECT seq, seq FROM " + Numbers.upTo(3000));
        }
        db.execute("USE " + DST, "UPDATE t SET v = 0 WHERE id = 2999");
    }

    static long paused(Path reports, String job) throws Exception {
        return JsonMapper.builder().build().readTree(reports.resolve(job).resolve("1").resolve("summary.json").toFile())
                .get("pausedMillis").asLong();
    }

    @Test
    void pausesWhileThreadsRunningIsAboveTheLimit() throws Exception {
        List<CompletableFuture<Void>> sleepers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sleepers.add(CompletableFuture.runAsync(() -> {
                try (Connection c = TestDatabase.get().connect(""); Statement st = c.createStatement()) {
                    st.execute("SELECT SLEEP(4)");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Thread.sleep(300);
        Path spec = SpecFiles.write(dir, "busy", SRC, DST, "tables: [t]\noptions:\n  chunk-rows: 1000\n"
                + "  recheck: { attempts: 0 }\n  throttle: { threads-running: 4 }\n");
        CliRun run = CliRun.run(dir.resolve("repo1"), "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r1").toString());
        sleepers.forEach(CompletableFuture::join);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(paused(dir.resolve("r1"), "busy")).isGreaterThanOrEqualTo(2000);
        assertThat(run.out()).contains("Throttle paused the run for").contains("1 rows differ");
    }

    @Test
    void spacesChunksToTheRowsPerSecondLimit() throws Exception {
        Path spec = SpecFiles.write(dir, "slow", SRC, DST, "tables: [t]\noptions:\n  chunk-rows: 500\n  parallelism: 1\n"
                + "  recheck: { attempts: 0 }\n  throttle: { rows-per-second: 1000 }\n");
        long start = System.nanoTime();
        CliRun run = CliRun.run(dir.resolve("repo2"), "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r2").toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(paused(dir.resolve("r2"), "slow")).isBetween(1000L, 4000L);
        assertThat(millis).as("3000 rows at 1000 rows/s").isGreaterThan(2500);
    }
}
