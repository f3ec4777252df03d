package io.parity.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out end to end: two {@code parity worker} JVMs, RabbitMQ at 127.0.0.1:5672 and a MariaDB job repository.
 * A run through the workers must report exactly what a local run reports; a worker killed mid-partition must leave the
 * run FAILED with that partition marked, and a restart must finish only what was unfinished.
 */
class RemoteVerifyIT {

    static final String SRC = "pit_scale_src";
    static final String DST = "pit_scale_dst";
    static final String REPO_SAME = "pit_scale_repo_same";
    static final String REPO_KILL = "pit_scale_repo_kill";
    static final String REPO_TIMEOUT = "pit_scale_repo_timeout";

    @TempDir
    static Path dir;

    private final List<WorkerProcess> workers = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST, REPO_SAME, REPO_KILL, REPO_TIMEOUT);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d,
                    "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, status VARCHAR(16) NOT NULL,"
                            + " amount DECIMAL(12,2) NOT NULL, note VARCHAR(200) NULL)",
                    "INSERT INTO orders SELECT seq * 7, seq % 97, ELT(1 + seq % 3, 'new', 'paid', 'shipped'), seq / 4,"
                            + " IF(seq % 5 = 0, NULL, CONCAT('n', seq)) FROM " + Numbers.upTo(30000),
                    "CREATE TABLE order_lines (order_id INT NOT NULL, line INT NOT NULL, qty INT NOT NULL, PRIMARY KEY (order_id, line))",
                    "INSERT INTO order_lines SELECT seq DIV 3, seq % 3, seq FROM " + Numbers.upTo(9000),
                    "CREATE TABLE tokens (k BINARY(16) PRIMARY KEY, v INT NOT NULL)",
                    "INSERT INTO tokens SELECT UNHEX(MD5(seq)), seq FROM " + Numbers.upTo(4000),
                    "CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(40) NOT NULL)",
                    "INSERT INTO big SELECT seq, MD5(seq) FROM " + Numbers.upTo(160000),
                    "ANALYZE TABLE orders, order_lines, tokens, big");
        }
        db.execute("USE " + DST,
                "DELETE FROM orders WHERE id IN (7, 70000, 209993)",
                "INSERT INTO orders VALUES (3, 1, 'new', 1, NULL)",
                "UPDATE orders SET amount = amount + 0.01 WHERE id IN (14, 105000)",
                "UPDATE order_lines SET qty = 0 WHERE order_id = 1500 AND line = 1",
                "DELETE FROM order_lines WHERE order_id = 2999",
                "UPDATE tokens SET v = -1 WHERE k = UNHEX(MD5(77))",
                "UPDATE big SET v = 'x' WHERE id IN (1, 80000, 159999)",
                "DELETE FROM big WHERE id = 120000");
    }

    @AfterEach
    void stopWorkersAndDeleteQueues() throws Exception {
        workers.forEach(WorkerProcess::close);
        ConnectionFactory cf = new ConnectionFactory();
        cf.setUri(WorkerProcess.BROKER);
        try (Connection c = cf.newConnection(); Channel ch = c.createChannel()) {
            for (String q : queues) {
                ch.queueDelete(q);
            }
        }
    }

    @Test
    void twoWorkersReportExactlyWhatALocalRunReports() throws Exception {
        Path spec = SpecFiles.write(dir, "several", SRC, DST,
                "tables: [orders, order_lines, tokens]\noptions: { chunk-rows: 1000, parallelism: 3 }\n");
        CliRun local = CliRun.run(dir.resolve("local-same"), "verify", "--job", spec.toString(),
                "--report-dir", dir.resolve("r-local").toString());
        assertThat(local.exitCode()).as(local.err()).isEqualTo(1);

        String queue = queue();
        WorkerProcess a = worker("same-a", REPO_SAME, queue);
        WorkerProcess b = worker("same-b", REPO_SAME, queue);
        CliRun remote = CliRun.run(null, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r-remote").toString(),
                "--repository-url", TestDatabase.get().url(REPO_SAME), "--workers", WorkerProcess.BROKER,
                "--queue", queue, "--worker-timeout", "120s");

        assertThat(remote.exitCode()).as(remote.err()).isEqualTo(1);
        assertSameReport(dir.resolve("r-local/several/1"), dir.resolve("r-remote/several/1"));
        assertThat(Files.readAllLines(dir.resolve("r-remote/several/1/diffs.jsonl"))).hasSize(11);
        // both workers took partitions; the partitions of a table with 30k rows are spread over them
        assertThat(a.startedPartitions()).isNotEmpty();
        assertThat(b.startedPartitions()).isNotEmpty();
        assertThat(a.startedPartitions().size() + b.startedPartitions().size()).isEqualTo(countPartitions(REPO_SAME, 1));
        assertThat(remote.out() + remote.err() + a.output() + b.output()).doesNotContain("guest:guest");
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheRunAndARestartFinishesOnlyWhatWasUnfinished() throws Exception {
        Path spec = SpecFiles.write(dir, "kill", SRC, DST,
                "tables: [big, order_lines]\noptions: { chunk-rows: 400, parallelism: 2 }\n");
        CliRun local = CliRun.run(dir.resolve("local-kill"), "verify", "--job", spec.toString(),
                "--report-dir", dir.resolve("r-local").toString());
        assertThat(local.exitCode()).as(local.err()).isEqualTo(1);

        String queue = queue();
        WorkerProcess victim = worker("kill-a", REPO_KILL, queue);
        WorkerProcess survivor = worker("kill-b", REPO_KILL, queue);
        String[] managerArgs = {"--report-dir", dir.resolve("r-remote").toString(),
                "--repository-url", TestDatabase.get().url(REPO_KILL), "--workers", WorkerProcess.BROKER, "--queue", queue,
                "--worker-timeout", "120s"};
        CompletableFuture<CliRun> manager = CompletableFuture.supplyAsync(() -> CliRun.run(null,
                concat(new String[] {"verify", "--job", spec.toString()}, managerArgs)));

        long killed = awaitPartitionInProgress(victim);
        victim.kill();
        CliRun failed = manager.get(180, TimeUnit.SECONDS);

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(3);
        assertThat(failed.err()).contains("did not complete on the workers", "was lost");
        assertThat(stepStatus(REPO_KILL, killed)).startsWith("FAILED the worker running this partition was lost");
        assertThat(survivor.output()).contains("step execution " + killed + ") marked FAILED");
        int unfinished = countFailedPartitions(REPO_KILL, 1);
        assertThat(unfinished).isEqualTo(1);

        WorkerProcess late = worker("kill-c", REPO_KILL, queue);
        CliRun restarted = CliRun.run(null, concat(new String[] {"verify", "--restart", "1"}, managerArgs));

        assertThat(restarted.exitCode()).as(restarted.err()).isEqualTo(1);
        assertSameReport(dir.resolve("r-local/kill/1"), dir.resolve("r-remote/kill/1"));
        assertThat(countPartitions(REPO_KILL, 2)).isEqualTo(unfinished);
        assertThat(survivor.startedPartitions().size() + late.startedPartitions().size())
                .isGreaterThan(0);
    }

    @Test
    void unansweredPartitionsAreMarkedFailedAtTheManagerTimeoutAndARunCanBeFinishedLocally() throws Exception {
        Path spec = SpecFiles.write(dir, "nobody", SRC, DST, "tables: [order_lines, tokens]\noptions: { chunk-rows: 1000 }\n");
        CliRun local = CliRun.run(dir.resolve("local-nobody"), "verify", "--job", spec.toString(),
                "--report-dir", dir.resolve("r-local").toString());
        String repo = TestDatabase.get().url(REPO_TIMEOUT);

        CliRun timedOut = CliRun.run(null, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r-remote").toString(),
                "--repository-url", repo, "--workers", WorkerProcess.BROKER, "--queue", queue(), "--worker-timeout", "3s");

        assertThat(timedOut.exitCode()).as(timedOut.err()).isEqualTo(3);
        assertThat(timedOut.err()).contains("no reply from the workers within 3 s", "verify-chunks:t001-s000",
                "parity verify --restart 1");
        assertThat(countFailedPartitions(REPO_TIMEOUT, 1)).isEqualTo(countPartitions(REPO_TIMEOUT, 1)).isPositive();

        CliRun finished = CliRun.run(null, "verify", "--restart", "1", "--report-dir", dir.resolve("r-remote").toString(),
                "--repository-url", repo);

        assertThat(finished.exitCode()).as(finished.err()).isEqualTo(local.exitCode()).isEqualTo(1);
        assertSameReport(dir.resolve("r-local/nobody/1"), dir.resolve("r-remote/nobody/1"));
    }

    @Test
    void managerAndWorkerRefuseTheEmbeddedRepository() {
        Path spec = SpecFiles.write(dir, "embedded", SRC, DST, "tables: [tokens]\n");

        CliRun manager = CliRun.run(dir.resolve("h2"), "verify", "--job", spec.toString(), "--workers", WorkerProcess.BROKER);
        CliRun worker = CliRun.run(dir.resolve("h2"), "worker", "--broker", WorkerProcess.BROKER);

        for (CliRun run : List.of(manager, worker)) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains("shared by manager and workers", "not the embedded H2 file");
        }
    }

    private WorkerProcess worker(String name, String repo, String queue) {
        WorkerProcess w = WorkerProcess.start(dir, name, TestDatabase.get().url(repo), queue);
        workers.add(w);
        return w;
    }

    private String queue() {
        String q = "pit.scale." + UUID.randomUUID();
        queues.add(q);
        return q;
    }

    /** A partition the worker runs that has committed a few chunks: killing the worker now is mid-partition. */
    private static long awaitPartitionInProgress(WorkerProcess worker) {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            for (long id : worker.startedPartitions()) {
                if (query(REPO_KILL, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = " + id
                        + " AND STATUS = 'STARTED' AND COMMIT_COUNT >= 3").equals("1")) {
                    return id;
                }
            }
            WorkerProcess.sleep(20);
        }
        throw new IllegalStateException("the worker never ran a partition:\n" + worker.output());
    }

    private static void assertSameReport(Path expected, Path actual) throws Exception {
        assertThat(Files.readAllLines(actual.resolve("diffs.jsonl")))
                .containsExactlyElementsOf(Files.readAllLines(expected.resolve("diffs.jsonl")));
        JsonMapper json = JsonMapper.builder().build();
        JsonNode want = json.readTree(expected.resolve("summary.json").toFile());
        JsonNode got = json.readTree(actual.resolve("summary.json").toFile());
        assertThat(got.get("verdict")).isEqualTo(want.get("verdict"));
        assertThat(withoutTimes(got.get("tables"))).isEqualTo(withoutTimes(want.get("tables")));
    }

    private static List<String> withoutTimes(JsonNode tables) {
        List<String> result = new ArrayList<>();
        for (JsonNode t : tables) {
            result.add(((tools.jackson.databind.node.ObjectNode) t.deepCopy()).without("millis").toString());
        }
        return result;
    }

    /** Worker step executions of the job's n-th execution (1-based) in a repository holding one run. */
    private static int countPartitions(String repo, int execution) {
        return Integer.parseInt(query(repo, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s WHERE s.STEP_NAME LIKE"
                + " 'verify-chunks:%' AND s.JOB_EXECUTION_ID = (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION"
                + " ORDER BY JOB_EXECUTION_ID LIMIT " + (execution - 1) + ", 1)"));
    }

    private static int countFailedPartitions(String repo, int execution) {
        return Integer.parseInt(query(repo, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s WHERE s.STEP_NAME LIKE"
                + " 'verify-chunks:%' AND s.STATUS = 'FAILED' AND s.JOB_EXECUTION_ID = (SELECT JOB_EXECUTION_ID FROM"
                + " BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID LIMIT " + (execution - 1) + ", 1)"));
    }

    private static String stepStatus(String repo, long stepExecutionId) {
        return query(repo, "SELECT CONCAT(STATUS, ' ', EXIT_MESSAGE) FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = "
                + stepExecutionId);
    }

    private static String query(String database, String sql) {
        try (java.sql.Connection c = TestDatabase.get().connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
