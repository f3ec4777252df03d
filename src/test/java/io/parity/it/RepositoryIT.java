package io.parity.it;

import io.parity.store.RepositoryTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared MariaDB job repository (set in the spec's {@code repository:} block): Spring Batch's tables and Parity's
 * result tables are created on first use and reused by later runs, each run a new job instance. The later runs find
 * the tables in the database's metadata (MariaDB keeps the names as created, PostgreSQL in lower case), so they run no
 * schema statement.
 */
class RepositoryIT {

    static final String SRC = "pit_repo_src";
    static final String DST = "pit_repo_dst";
    static final String REPO = "pit_repo_jobs";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST, REPO);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t SELECT seq, seq FROM " + Numbers.upTo(100));
        }
        db.execute("USE " + DST, "UPDATE t SET v = 0 WHERE id = 50");
    }

    @Test
    void runsAreKeptInTheSpecsRepositoryDatabase() throws Exception {
        TestDatabase db = TestDatabase.get();
        Path spec = SpecFiles.write(dir, "shared", SRC, DST, "tables: [t]\nrepository:\n  url: " + db.url(REPO)
                + "\n  user: " + db.user() + "\n  password: \"" + db.password() + "\"\n");
        for (int i = 0; i < 2; i++) {
            CliRun run = CliRun.run(null, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        }
        List<String> runs = new ArrayList<>();
        try (Connection c = db.connect(REPO); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT i.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS FROM BATCH_JOB_INSTANCE i"
                     + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID ORDER BY 1")) {
            while (rs.next()) {
                runs.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        assertThat(runs).containsExactly("1 shared COMPLETED", "2 shared COMPLETED");
        try (Connection c = db.connect(REPO); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT RUN_ID, KIND, ROW_KEY, COLUMNS FROM PARITY_ROW_DIFF ORDER BY RUN_ID")) {
            List<String> diffs = new ArrayList<>();
            while (rs.next()) {
                diffs.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
            assertThat(diffs).containsExactly("1 CHANGED [\"L:50\"] [\"v\"]", "2 CHANGED [\"L:50\"] [\"v\"]");
        }
        assertThat(Files.exists(dir.resolve("r/shared/2/summary.json"))).isTrue();
        assertSchemaFound(new DriverManagerDataSource(db.url(REPO), db.user(), db.password()));
    }

    /** What a later start looks up before deciding to create anything. */
    static void assertSchemaFound(DriverManagerDataSource repository) {
        RepositoryTables tables = new RepositoryTables(repository);
        assertThat(tables.hasTable("BATCH_JOB_INSTANCE")).isTrue();
        assertThat(tables.hasTable("PARITY_DIFF_CHECK")).isTrue();
        assertThat(tables.hasColumn("PARITY_TABLE_RESULT", "REASON")).isTrue();
        assertThat(tables.hasTable("PARITY_NO_SUCH_TABLE")).isFalse();
    }

    /**
     * The same on a PostgreSQL repository: Spring Batch's PostgreSQL schema and Parity's result tables are created
     * there, two runs are two job instances, {@code runs} lists them from it, and {@code recheck} reads the first run's
     * differences back.
     */
    @Test
    void runsAreKeptInAPostgresRepository() throws Exception {
        TestDatabase db = TestDatabase.get();
        TestPostgres pg = TestPostgres.get();
        pg.recreate(REPO);
        Path spec = SpecFiles.write(dir, "onpg", SRC, DST, "tables: [t]\nrepository:\n  url: " + pg.url(REPO)
                + "\n  user: " + pg.user() + "\n  password: \"" + pg.password() + "\"\n");
        for (int i = 0; i < 2; i++) {
            CliRun run = CliRun.run(null, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("p").toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        }
        assertThat(pg.query(REPO, "SELECT string_agg(i.job_instance_id || ' ' || i.job_name || ' ' || e.status, ', '"
                + " ORDER BY i.job_instance_id) FROM batch_job_instance i JOIN batch_job_execution e"
                + " ON e.job_instance_id = i.job_instance_id")).isEqualTo("1 onpg COMPLETED, 2 onpg COMPLETED");
        assertThat(pg.query(REPO, "SELECT string_agg(run_id || ' ' || kind || ' ' || row_key || ' ' || columns, ', '"
                + " ORDER BY run_id) FROM parity_row_diff")).isEqualTo("1 CHANGED [\"L:50\"] [\"v\"], 2 CHANGED [\"L:50\"] [\"v\"]");
        assertSchemaFound(new DriverManagerDataSource(pg.url(REPO), pg.user(), pg.password()));
        String repoUrl = pg.url(REPO) + "?user=" + pg.user() + "&password=" + pg.password();
        CliRun runs = CliRun.run(null, "runs", "--repository-url", repoUrl);
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).as(runs.out()).contains("onpg").containsPattern("(?m)^\\s*2\\b");
        db.execute("USE " + DST, "UPDATE t SET v = 50 WHERE id = 50");
        CliRun recheck = CliRun.run(null, "recheck", "--repository-url", repoUrl, "--run", "1",
                "--report-dir", dir.resolve("p").toString());
        db.execute("USE " + DST, "UPDATE t SET v = 0 WHERE id = 50");
        assertThat(recheck.exitCode()).as(recheck.out() + recheck.err()).isZero();
    }
}
