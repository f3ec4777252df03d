package io.parity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differences in flight are re-checked before they count: a row that becomes equal during the run's re-check delay
 * is resolved, not reported; {@code parity recheck --run} re-checks an earlier run's differences without a rescan.
 */
class RecheckIT {

    static final String SRC = "pit_recheck_src";
    static final String DST = "pit_recheck_dst";
    static final String REPO = "pit_recheck_repo";

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST, REPO);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t SELECT seq, seq FROM " + Numbers.upTo(3000));
        }
        db.execute("USE " + DST, "UPDATE t SET v = 0 WHERE id IN (10, 20, 30)");
    }

    CliRun parity(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--report-dir", dir.resolve("reports").toString(), "--repository-url", TestDatabase.get().url(REPO)));
        return CliRun.run(null, all.toArray(String[]::new));
    }

    @Test
    void aDifferenceThatCatchesUpDuringTheRecheckDelayIsResolvedNotReported() throws Exception {
        Path spec = SpecFiles.write(dir, "inflight", SRC, DST, "tables: [t]\noptions:\n  recheck: { attempts: 2, delay: 3s }\n");
        CompletableFuture<Void> replicator = CompletableFuture.runAsync(() -> {
            try {
                waitForChunks();
                TestDatabase.get().execute("UPDATE " + DST + ".t SET v = id WHERE id = 20"); // the in-flight change lands
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun run = parity("verify", "--job", spec.toString());
        replicator.get();
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("1 difference(s) resolved on re-check (in flight) and not counted.")
                .contains("DIFFERENCES FOUND: 2 rows differ");
        assertThat(Files.readAllLines(dir.resolve("reports/inflight/1/diffs.jsonl"))).containsExactly(
                "{\"table\":\"" + SRC + ".t\",\"kind\":\"changed\",\"key\":{\"id\":10},\"columns\":[\"v\"]}",
                "{\"table\":\"" + SRC + ".t\",\"kind\":\"changed\",\"key\":{\"id\":30},\"columns\":[\"v\"]}");
        assertThat(Files.readString(dir.resolve("reports/inflight/1/summary.json"))).contains("\"resolved\" : 1");
    }

    @Test
    void recheckCommandResolvesRepairedRowsWithoutRescanning() throws Exception {
        Path spec = SpecFiles.write(dir, "later", SRC, DST, "tables: [t]\noptions:\n  recheck: { attempts: 0 }\n");
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);

        TestDatabase.get().execute("UPDATE " + DST + ".t SET v = id WHERE id IN (10, 30)");
        CliRun partly = parity("recheck", "--run", "1");
        assertThat(partly.exitCode()).as(partly.out() + partly.err()).isEqualTo(1);
        assertThat(partly.out()).contains("Re-checked 3 difference(s) of run 1: 2 resolved, 1 confirmed.");
        assertThat(Files.readAllLines(dir.resolve("reports/later/1/diffs.jsonl"))).containsExactly(
                "{\"table\":\"" + SRC + ".t\",\"kind\":\"changed\",\"key\":{\"id\":20},\"columns\":[\"v\"]}");

        TestDatabase.get().execute("UPDATE " + DST + ".t SET v = id WHERE id = 20");
        CliRun all = parity("recheck", "--run", "1");
        assertThat(all.exitCode()).as(all.out()).isZero();
        assertThat(all.out()).contains("Re-checked 1 difference(s) of run 1: 1 resolved, 0 confirmed.").contains("CONSISTENT");
        assertThat(Files.readAllLines(dir.resolve("reports/later/1/diffs.jsonl"))).isEmpty();

        CliRun unknown = parity("recheck", "--run", "99");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("run 99 is not in the job repository");
    }

    static void waitForChunks() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = TestDatabase.get().connect(REPO); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM PARITY_ROW_DIFF")) {
                if (rs.next() && rs.getLong(1) >= 3) {
                    return;
                }
            } catch (Exception e) {
                // tables not there yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no differences recorded");
    }
}
