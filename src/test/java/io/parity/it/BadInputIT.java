package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input answers with exit 2, one line per problem naming the thing and the fix, and nothing written: no report,
 * no job repository, no run. A table that exists but cannot be compared is not bad input: see {@link NotComparedIT}.
 */
class BadInputIT {

    static final String SRC = "pit_bad_src";
    static final String DST = "pit_bad_dst";

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d, "CREATE TABLE keyed (id INT PRIMARY KEY, v INT)",
                    "CREATE TABLE nokey (a INT, b INT)", "CREATE TABLE nullable_unique (a INT NULL, UNIQUE KEY (a))",
                    "CREATE TABLE geo (id INT PRIMARY KEY, p POINT)");
        }
        db.execute("DROP USER IF EXISTS 'pit_nosel'@'127.0.0.1'", "CREATE USER 'pit_nosel'@'127.0.0.1' IDENTIFIED BY 'nosel-pw'",
                "GRANT SELECT ON " + SRC + ".geo TO 'pit_nosel'@'127.0.0.1'",
                "GRANT SELECT ON " + DST + ".geo TO 'pit_nosel'@'127.0.0.1'");
    }

    record Bad(String name, String yaml, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> cases() {
        TestDatabase db = TestDatabase.get();
        String endpoints = "source: {url: \"" + db.url(SRC) + "\", user: " + db.user() + ", password: \"" + db.password()
                + "\"}\ndestination: {url: \"" + db.url(DST) + "\", user: " + db.user() + ", password: \"" + db.password() + "\"}\n";
        return Stream.of(
                new Bad("malformed yaml", "source: [unclosed\n", "malformed YAML at line"),
                new Bad("unknown key", endpoints + "tables: [keyed]\nchunk_rows: 5\n", "chunk_rows: unknown key"),
                new Bad("missing destination", "source: {url: \"" + db.url(SRC) + "\", user: root}\ntables: [keyed]\n",
                        "destination: missing"),
                new Bad("unset variable", endpoints.replace("user: " + db.user() + ", password: \"" + db.password() + "\"}\ndest",
                        "user: root, password: \"${PARITY_IT_NOT_SET}\"}\ndest") + "tables: [keyed]\n",
                        "environment variable PARITY_IT_NOT_SET is not set"),
                new Bad("unknown table", endpoints + "tables: [nosuch]\n", "table " + SRC + ".nosuch does not exist on the source"),
                new Bad("glob matches nothing", endpoints + "tables:\n  - include: \"zz*\"\n", "matches no table"),
                new Bad("wrong password", endpoints.replaceFirst("password: \"[^\"]*\"", "password: \"wrong-secret\"")
                        .replaceFirst("user: " + db.user(), "user: parity_nobody") + "tables: [keyed]\n",
                        "source: access denied for user 'parity_nobody'"),
                new Bad("key column that does not exist", endpoints + "tables: [{name: keyed, key: [nosuch]}]\n",
                        "tables[0].key: column 'nosuch' does not exist in " + SRC + ".keyed on the source"),
                new Bad("unreachable host", endpoints.replaceFirst("jdbc:mysql://[^/]+/", "jdbc:mysql://127.0.0.1:1/")
                        + "tables: [keyed]\n", "source: cannot reach the server at jdbc:mysql://127.0.0.1:1/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithOneClearLineAndWritesNothing(Bad bad) throws IOException {
        Path spec = dir.resolve("bad.yml");
        Files.writeString(spec, bad.yaml());
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());

        assertOneClearLine(run, bad, reports);
        assertThat(dir.resolve("repo.mv.db")).doesNotExist();
    }

    /**
     * With a repository that exists already, verify starts it while it connects and discovers tables: bad input must
     * still exit 2 with one line, and leave no run in it and no report.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputRecordsNoRunInAnExistingRepository(Bad bad) throws IOException {
        TestDatabase db = TestDatabase.get();
        Path good = dir.resolve("good.yml");
        Files.writeString(good, "source: {url: \"" + db.url(SRC) + "\", user: " + db.user() + ", password: \""
                + db.password() + "\"}\ndestination: {url: \"" + db.url(DST) + "\", user: " + db.user()
                + ", password: \"" + db.password() + "\"}\ntables: [keyed]\n");
        CliRun first = CliRun.run(dir, "verify", "--job", good.toString(), "--report-dir", dir.resolve("first").toString(),
                "-q");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(dir.resolve("repo.mv.db")).exists();
        String runsBefore = CliRun.run(dir, "runs").out();

        Path spec = dir.resolve("bad.yml");
        Files.writeString(spec, bad.yaml());
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", reports.toString());

        assertOneClearLine(run, bad, reports);
        assertThat(CliRun.run(dir, "runs").out()).isEqualTo(runsBefore);
    }

    /** Exit 2, the expected line and nothing else (no secret, no stack trace), and no report. */
    private static void assertOneClearLine(CliRun run, Bad bad, Path reports) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(bad.expected());
        assertThat(run.err().lines().toList()).allMatch(l -> l.startsWith("parity: "));
        assertThat(run.err()).doesNotContain("wrong-secret").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(reports).doesNotExist();
    }

    @Test
    void restartOfAnUnknownRunIsBadInput() {
        CliRun run = CliRun.run(dir, "verify", "--restart", "777");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("run 777 is not in the job repository");
    }

    @Test
    void everySpecProblemIsReportedAtOnce() throws IOException {
        Path spec = dir.resolve("many.yml");
        Files.writeString(spec, "source: {url: nope}\ntables: []\noptions: {chunk-rows: 0, hash: sha9}\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("source.url: 'nope' is not a JDBC URL").contains("source.user: missing")
                .contains("destination: missing").contains("tables: must be a non-empty list")
                .contains("options.chunk-rows: '0'").contains("options.hash: 'sha9'");
    }

    @Test
    void missingSpecFileAndUsageErrorsExitTwo() {
        CliRun missing = CliRun.run(dir, "verify", "--job", dir.resolve("absent.yml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist: pass an existing file with --job");
        CliRun usage = CliRun.run(null, "verify");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("verify needs --job <spec> (a new run) or --restart <run-id>").contains("parity verify --help");
    }
}
