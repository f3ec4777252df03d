package io.parity.it;

import io.parity.connect.SideConnection;
import io.parity.core.Side;
import io.parity.spec.Endpoint;
import io.parity.spec.Secret;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spec of many tables, whose definitions are read by several connections at once and whose sample rows are read by
 * several connections per side: the plans, differences, samples and the first bad table named are the ones reading
 * them in order gives. Also: a side opens two connections to start (the engine's probe and the pool's first), not
 * four.
 */
class ManyTablesIT {

    static final String SRC = "pit_many_src";
    static final String DST = "pit_many_dst";
    static final int TABLES = 13;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String name : List.of(SRC, DST)) {
            List<String> ddl = new ArrayList<>(List.of("USE " + name));
            for (int i = 1; i <= TABLES; i++) {
                ddl.add("CREATE TABLE t" + i + " (id INT PRIMARY KEY, v VARCHAR(20), n DECIMAL(8,2))");
                ddl.add("INSERT INTO t" + i + " SELECT seq, CONCAT('row-', seq), seq / 4 FROM " + Numbers.upTo(40 + i));
            }
            db.execute(ddl.toArray(String[]::new));
        }
        db.execute("USE " + DST,
                "UPDATE t3 SET v = 'changed-3' WHERE id = 5",
                "DELETE FROM t7 WHERE id IN (2, 9)",
                "INSERT INTO t11 VALUES (500, 'extra-11', 1.25)",
                "UPDATE t12 SET n = 99.99 WHERE id = 12");
    }

    /** Tables in an order neither alphabetic nor the order they were made in. */
    private static List<String> order() {
        return List.of("t12", "t3", "t1", "t13", "t7", "t2", "t11", "t4", "t10", "t5", "t9", "t6", "t8");
    }

    @Test
    void plansDifferencesAndSamplesAreThoseOfReadingTablesInOrder() throws Exception {
        Path spec = SpecFiles.write(dir, "many", SRC, DST,
                "tables: [" + String.join(", ", order()) + "]\noptions:\n  recheck: { attempts: 0 }\n");
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);

        Path runDir;
        try (var runs = Files.list(reports.resolve("many"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        JsonNode tables = JsonMapper.builder().build().readTree(runDir.resolve("summary.json").toFile()).get("tables");
        List<String> names = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        tables.forEach(t -> {
            names.add(t.get("table").asString());
            counts.add(t.get("table").asString() + " " + t.get("sourceRows").asLong() + " " + t.get("missing").asLong()
                    + " " + t.get("extra").asLong() + " " + t.get("changed").asLong());
        });
        assertThat(names).containsExactlyInAnyOrderElementsOf(order().stream().map(t -> SRC + "." + t).toList());
        assertThat(counts).contains(SRC + ".t3 43 0 0 1", SRC + ".t7 47 2 0 0", SRC + ".t11 51 0 1 0",
                SRC + ".t12 52 0 0 1", SRC + ".t1 41 0 0 0", SRC + ".t8 48 0 0 0");

        String html = Files.readString(runDir.resolve("report.html"));
        // the sample rows hold both sides' values as read: the changed text, a missing row's source values, the extra
        // row's destination values, the changed decimal
        assertThat(html).contains("changed-3", "row-5", "row-2", "row-9", "extra-11", "99.99", "3.00");
    }

    @RepeatedTest(3)
    void theFirstBadTableInOrderIsTheOneNamed() {
        List<String> tables = new ArrayList<>(order());
        tables.add(3, "nosuch_first");
        tables.add(10, "nosuch_second");
        Path spec = SpecFiles.write(dir, "bad", SRC, DST, "tables: [" + String.join(", ", tables) + "]\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir",
                dir.resolve("bad-reports").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("table " + SRC + ".nosuch_first does not exist on the source")
                .doesNotContain("nosuch_second");
        assertThat(dir.resolve("bad-reports")).doesNotExist();
    }

    @Test
    void aSideOpensTwoConnectionsToStart() throws Exception {
        TestDatabase db = TestDatabase.get();
        long before = db.queryLong("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'CONNECTIONS'");
        try (SideConnection side = SideConnection.open(Side.SOURCE, new Endpoint("source", db.url(SRC), db.user(),
                Secret.of(db.password())), 6)) {
            try (Connection c = side.dataSource().getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
            // two at once, held a while: the pool opens a second, and no third in the background
            try (Connection c = side.dataSource().getConnection(); Connection d = side.dataSource().getConnection()) {
                Thread.sleep(500);
                assertThat(c.isValid(1) && d.isValid(1)).isTrue();
            }
        }
        long after = db.queryLong("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'CONNECTIONS'");
        // the probe that detects the engine, the pool's first and its second; then the connection that reads 'after'
        assertThat(after - before).isEqualTo(3 + 1);
    }
}
