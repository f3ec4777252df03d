package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Default options under live writes: only the planted differences are reported, never a row in flight.
 * <ul>
 *   <li>Native replication with a 3-second apply delay (3307 -> 3308, {@code MASTER_DELAY = 3}) and a writer updating
 *       the source about 300 times a second: Parity sees the replication and fences each chunk by GTID.</li>
 *   <li>A replicator Parity cannot see (a thread copying the source's changes to another database 2 s later): Parity
 *       re-checks differences until the destination is quiet.</li>
 * </ul>
 * Planted: 10 changed, 5 missing and 5 extra rows, in keys the writer does not touch.
 */
class InFlightIT {

    static final String DB = "pit_inflight";
    static final int ROWS = 20_000;
    static final int HOT = 10_000;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        ReplicationPair.start();
        ReplicationPair.execute(ReplicationPair.SOURCE, "DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB,
                "CREATE TABLE " + DB + ".t (id INT PRIMARY KEY, v BIGINT NOT NULL, note VARCHAR(40))");
        fill(ReplicationPair.connect(ReplicationPair.SOURCE), DB);
        ReplicationPair.awaitCaughtUp();
        plant(ReplicationPair.DESTINATION, DB);
        ReplicationPair.execute(ReplicationPair.DESTINATION, "STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY = 3",
                "START SLAVE");
    }

    @AfterAll
    static void tearDown() {
        ReplicationPair.execute(ReplicationPair.DESTINATION, "STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY = 0",
                "START SLAVE");
        ReplicationPair.execute(ReplicationPair.SOURCE, "DROP DATABASE IF EXISTS " + DB);
        ReplicationPair.awaitCaughtUp();
        ReplicationPair.reset();
    }

    static void fill(Connection c, String db) throws Exception {
        try (c; PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".t VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int id = 1; id <= ROWS; id++) {
                ps.setInt(1, id);
                ps.setLong(2, id * 7L);
                ps.setString(3, "row " + id);
                ps.addBatch();
                if (id % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            c.commit();
        }
    }

    /** Planted on the replica outside its binary log, so that reverse replication in later tests never replays it. */
    static void plant(int port, String db) {
        ReplicationPair.execute(port, "SET SESSION sql_log_bin = 0", "UPDATE " + db + ".t SET v = -v WHERE id BETWEEN 15001 AND 15010",
                "DELETE FROM " + db + ".t WHERE id BETWEEN 16001 AND 16005",
                "INSERT INTO " + db + ".t VALUES (30001, 1, 'x'), (30002, 2, 'x'), (30003, 3, 'x'), (30004, 4, 'x'),"
                        + " (30005, 5, 'x')");
    }

    /** Updates random rows of the first {@value #HOT} keys about 300 times a second until stopped. */
    static Thread writer(java.util.concurrent.Callable<Connection> connect, AtomicBoolean stop, AtomicLong writes) {
        Thread t = new Thread(() -> {
            Random random = new Random(7);
            try (Connection c = connect.call();
                 PreparedStatement ps = c.prepareStatement("UPDATE t SET v = v + 1, note = ? WHERE id = ?")) {
                while (!stop.get()) {
                    ps.setString(1, "w" + writes.get());
                    ps.setInt(2, 1 + random.nextInt(HOT));
                    ps.executeUpdate();
                    writes.incrementAndGet();
                    Thread.sleep(3);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "writer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static Path spec(String name, String src, String dst, String options) throws Exception {
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, "name: " + name + "\nsource: {url: \"" + src + "\", user: root, password: \"\"}\n"
                + "destination: {url: \"" + dst + "\", user: root, password: \"\"}\ntables: [t]\n" + options);
        return file;
    }

    static JsonNode summary(String job) throws Exception {
        return JsonMapper.builder().build().readTree(dir.resolve("reports").resolve(job).resolve("1/summary.json")
                .toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "client"})
    void aLaggingNativeReplicaUnderLoadShowsOnlyThePlantedDifferences(String hashing) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        Thread writer = writer(() -> {
            Connection c = ReplicationPair.connect(ReplicationPair.SOURCE);
            c.setCatalog(DB);
            return c;
        }, stop, writes);
        CliRun run;
        try {
            Thread.sleep(4000); // the replica is now 3 s behind a steady stream of writes
            String job = "native-" + hashing;
            run = CliRun.run(dir.resolve("repo-" + job), "verify", "--job", spec(job,
                            ReplicationPair.url(ReplicationPair.SOURCE, DB),
                            ReplicationPair.url(ReplicationPair.DESTINATION, DB),
                            "options: { hashing: " + hashing + ", chunk-rows: 2000 }\n").toString(),
                    "--report-dir", dir.resolve("reports").toString());
            assertThat(writes.get()).as("the writer ran during the verify").isGreaterThan(1000);
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            JsonNode s = summary(job);
            JsonNode t = s.get("tables").get(0);
            assertThat(t.get("changed").asLong()).as(run.out()).isEqualTo(10);
            assertThat(t.get("missing").asLong()).isEqualTo(5);
            assertThat(t.get("extra").asLong()).isEqualTo(5);
            assertThat(s.get("inFlight").get("mode").asText()).isEqualTo("gtid-fence");
            assertThat(s.get("inFlight").get("detail").asText()).contains("replicates from the source (server id 7307)");
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    /** A replicator Parity cannot see: it copies each source change to the destination 2 s after it was made. */
    @Test
    void anUnseenReplicatorIsWaitedForUntilTheDestinationIsQuiet() throws Exception {
        TestDatabase db = TestDatabase.get();
        String src = "pit_inflight_src";
        String dst = "pit_inflight_dst";
        db.recreate(src, dst);
        for (String d : new String[] {src, dst}) {
            db.execute("USE " + d, "CREATE TABLE t (id INT PRIMARY KEY, v BIGINT NOT NULL, note VARCHAR(40))");
            fill(db.connect(""), d);
        }
        try (Connection c = db.connect(dst); java.sql.Statement st = c.createStatement()) {
            st.execute("UPDATE t SET v = -v WHERE id BETWEEN 15001 AND 15010");
            st.execute("DELETE FROM t WHERE id BETWEEN 16001 AND 16005");
            st.execute("INSERT INTO t VALUES (30001, 1, 'x'), (30002, 2, 'x'), (30003, 3, 'x'), (30004, 4, 'x'),"
                    + " (30005, 5, 'x')");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        Thread writer = writer(() -> db.connect(src), stop, writes);
        Thread replicator = replicator(db, src, dst, stop);
        try {
            Thread.sleep(3000);
            // the writer stops a few seconds into the run, the replicator 2 s later: the destination then goes quiet
            Thread stopper = new Thread(() -> {
                ReplicationPair.sleep(5000);
                stop.set(true);
            });
            stopper.start();
            long started = System.nanoTime();
            CliRun run = CliRun.run(dir.resolve("repo-unseen"), "verify", "--job", spec("unseen", db.url(src),
                    db.url(dst), "options: { chunk-rows: 2000, recheck: { max-wait: 60s } }\n").toString(),
                    "--report-dir", dir.resolve("reports").toString());
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            JsonNode s = summary("unseen");
            JsonNode t = s.get("tables").get(0);
            assertThat(t.get("changed").asLong()).as(run.out()).isEqualTo(10);
            assertThat(t.get("missing").asLong()).isEqualTo(5);
            assertThat(t.get("extra").asLong()).isEqualTo(5);
            assertThat(s.get("inFlight").get("mode").asText()).isEqualTo("recheck-until-quiet");
            assertThat(s.get("inFlight").get("recheckWaitMillis").asLong()).isGreaterThan(0);
            assertThat(seconds).as("did not wait for max-wait").isLessThan(50);
            assertThat(run.out()).contains("In-flight rows: recheck-until-quiet");
        } finally {
            stop.set(true);
            writer.join();
            replicator.join();
        }
    }

    /** Polls the source for rows whose note changed and writes them to the destination 2 s after it saw them. */
    static Thread replicator(TestDatabase db, String src, String dst, AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            record Change(long seenAt, int id, long v, String note) {
            }
            Deque<Change> queue = new ArrayDeque<>();
            java.util.Map<Integer, String> seen = new java.util.HashMap<>();
            try (Connection s = db.connect(src); Connection d = db.connect(dst);
                 PreparedStatement read = s.prepareStatement("SELECT id, v, note FROM t WHERE id <= " + HOT
                         + " AND note LIKE 'w%'");
                 PreparedStatement write = d.prepareStatement("UPDATE t SET v = ?, note = ? WHERE id = ?")) {
                long quietSince = 0;
                while (true) {
                    long now = System.currentTimeMillis();
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            String note = rs.getString(3);
                            if (!note.equals(seen.put(rs.getInt(1), note))) {
                                queue.add(new Change(now, rs.getInt(1), rs.getLong(2), note));
                            }
                        }
                    }
                    while (!queue.isEmpty() && queue.peek().seenAt() <= now - 2000) {
                        Change c = queue.poll();
                        write.setLong(1, c.v());
                        write.setString(2, c.note());
                        write.setInt(3, c.id());
                        write.executeUpdate();
                    }
                    if (stop.get() && queue.isEmpty()) {
                        if (quietSince == 0) {
                            quietSince = now;
                        } else if (now - quietSince > 500) {
                            return;
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "replicator");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
