package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replicator Parity cannot see, and a spec with a heartbeat table: the pair's native replication is stopped and a
 * thread copies every change of the source, heartbeat rows included, to the destination 2 s later, in order. A writer
 * updates the source throughout, so the destination is never quiet. Default options send a heartbeat after the reads,
 * wait for it on the destination, and then report exactly the planted differences, well before max-wait.
 */
class HeartbeatInFlightIT {

    static final String DB = "pit_hbwait";
    static final String HB = "pit_hbwait_hb";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        ReplicationPair.start();
        ReplicationPair.execute(ReplicationPair.SOURCE, "DROP DATABASE IF EXISTS " + DB, "DROP DATABASE IF EXISTS " + HB,
                "CREATE DATABASE " + DB, "CREATE DATABASE " + HB,
                "CREATE TABLE " + DB + ".t (id INT PRIMARY KEY, v BIGINT NOT NULL)",
                "INSERT INTO " + DB + ".t SELECT seq, seq FROM " + Numbers.upTo(5000),
                "CREATE TABLE " + HB + ".parity_heartbeat (id VARCHAR(128) NOT NULL PRIMARY KEY, seq BIGINT NOT NULL,"
                        + " written_at DATETIME(6) NOT NULL)");
        ReplicationPair.awaitCaughtUp();
        // native replication off: from here on only the test's replicator carries changes
        ReplicationPair.execute(ReplicationPair.DESTINATION, "STOP SLAVE");
        ReplicationPair.execute(ReplicationPair.DESTINATION, "SET SESSION sql_log_bin = 0",
                "UPDATE " + DB + ".t SET v = -v WHERE id BETWEEN 4001 AND 4005", "DELETE FROM " + DB + ".t WHERE id = 4100",
                "INSERT INTO " + DB + ".t VALUES (9001, 1)");
    }

    /** The changes the source made while native replication was off are skipped, then the pair runs as before. */
    @AfterAll
    static void tearDown() {
        ReplicationPair.execute(ReplicationPair.DESTINATION, "SET SESSION sql_log_bin = 0",
                "DROP DATABASE IF EXISTS " + DB, "DROP DATABASE IF EXISTS " + HB);
        ReplicationPair.execute(ReplicationPair.SOURCE, "SET SESSION sql_log_bin = 0",
                "DROP DATABASE IF EXISTS " + DB, "DROP DATABASE IF EXISTS " + HB);
        String position = ReplicationPair.queryString(ReplicationPair.SOURCE, "SELECT @@gtid_binlog_pos");
        String own = ReplicationPair.queryString(ReplicationPair.DESTINATION, "SELECT @@gtid_slave_pos");
        ReplicationPair.execute(ReplicationPair.DESTINATION, "SET GLOBAL gtid_slave_pos = '" + merge(own, position) + "'");
        ReplicationPair.reset();
    }

    /** The source's domain-1 position with the replica's other domains kept. */
    private static String merge(String replica, String source) {
        StringBuilder out = new StringBuilder();
        for (String g : source.split(",")) {
            if (g.trim().startsWith("1-")) {
                out.append(out.length() == 0 ? "" : ",").append(g.trim());
            }
        }
        for (String g : replica == null ? new String[0] : replica.split(",")) {
            if (!g.isBlank() && !g.trim().startsWith("1-")) {
                out.append(out.length() == 0 ? "" : ",").append(g.trim());
            }
        }
        return out.toString();
    }

    @Test
    void theHeartbeatTellsWhenTheUnseenReplicatorHasCaughtUp() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        Thread writer = new Thread(() -> {
            java.util.Random random = new java.util.Random(5);
            try (Connection c = ReplicationPair.connect(ReplicationPair.SOURCE);
                 PreparedStatement ps = c.prepareStatement("UPDATE " + DB + ".t SET v = v + 1 WHERE id = ?")) {
                while (!stop.get()) {
                    ps.setInt(1, 1 + random.nextInt(3000));
                    ps.executeUpdate();
                    writes.incrementAndGet();
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread replicator = replicator(stop);
        writer.start();
        replicator.start();
        try {
            Thread.sleep(3000);
            Path spec = dir.resolve("hb.yml");
            Files.writeString(spec, "name: hb\nsource: {url: \"" + ReplicationPair.url(ReplicationPair.SOURCE, DB)
                    + "\", user: root, password: \"\"}\ndestination: {url: \""
                    + ReplicationPair.url(ReplicationPair.DESTINATION, DB) + "\", user: root, password: \"\"}\n"
                    + "tables: [t]\noptions: { chunk-rows: 1000, recheck: { max-wait: 60s } }\n"
                    + "cutover:\n  heartbeat: { schema: " + HB + ", id: pit_hb }\n  steps:\n    - gate: lag\n");
            long start = System.nanoTime();
            CliRun run = CliRun.run(dir.resolve("repo"), "verify", "--job", spec.toString(), "--report-dir",
                    dir.resolve("reports").toString());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).containsPattern(DB + "\\.t\\s+5000\\s+5000\\s+\\d+\\s+1\\s+1\\s+5\\s+differences");
            String summary = Files.readString(dir.resolve("reports/hb/1/summary.json"));
            assertThat(summary).contains("\"mode\" : \"recheck-after-heartbeat\"").contains(HB + ".parity_heartbeat");
            assertThat(seconds).as("the heartbeat, not max-wait, ended the wait").isLessThan(45);
            assertThat(writes.get()).isGreaterThan(500);
        } finally {
            stop.set(true);
            writer.join();
            replicator.join();
        }
    }

    /**
     * Copies the source's hot rows and heartbeat rows to the destination 2 s after it saw them, in the order seen,
     * outside the destination's binary log.
     */
    static Thread replicator(AtomicBoolean stop) {
        return new Thread(() -> {
            record Change(long seenAt, String sql) {
            }
            Deque<Change> queue = new ArrayDeque<>();
            java.util.Map<Integer, Long> rows = new java.util.HashMap<>();
            long lastBeat = -1;
            try (Connection s = ReplicationPair.connect(ReplicationPair.SOURCE);
                 Connection d = ReplicationPair.connect(ReplicationPair.DESTINATION);
                 Statement ss = s.createStatement(); Statement ds = d.createStatement()) {
                ds.execute("SET SESSION sql_log_bin = 0");
                try (ResultSet rs = ss.executeQuery("SELECT id, v FROM " + DB + ".t WHERE id <= 3000")) {
                    while (rs.next()) {
                        rows.put(rs.getInt(1), rs.getLong(2));
                    }
                }
                long idleSince = 0;
                while (true) {
                    long now = System.currentTimeMillis();
                    // the heartbeat is read first and queued last: every row change committed before it is then
                    // queued before it, as a replicator applying in commit order would have it
                    Change beat = null;
                    try (ResultSet rs = ss.executeQuery("SELECT id, seq, written_at FROM " + HB + ".parity_heartbeat")) {
                        while (rs.next()) {
                            if (rs.getLong(2) != lastBeat) {
                                lastBeat = rs.getLong(2);
                                beat = new Change(now, "REPLACE INTO " + HB + ".parity_heartbeat VALUES ('"
                                        + rs.getString(1) + "', " + rs.getLong(2) + ", '" + rs.getString(3) + "')");
                            }
                        }
                    }
                    try (ResultSet rs = ss.executeQuery("SELECT id, v FROM " + DB + ".t WHERE id <= 3000")) {
                        while (rs.next()) {
                            if (!Long.valueOf(rs.getLong(2)).equals(rows.put(rs.getInt(1), rs.getLong(2)))) {
                                queue.add(new Change(now, "UPDATE " + DB + ".t SET v = " + rs.getLong(2) + " WHERE id = "
                                        + rs.getInt(1)));
                            }
                        }
                    }
                    if (beat != null) {
                        queue.add(beat);
                    }
                    while (!queue.isEmpty() && queue.peek().seenAt() <= now - 2000) {
                        ds.execute(queue.poll().sql());
                    }
                    if (stop.get() && queue.isEmpty()) {
                        if (idleSince == 0) {
                            idleSince = now;
                        } else if (now - idleSince > 300) {
                            return;
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "replicator");
    }
}
