package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A waiting gate's progress lines and its PASS after a wait, on the local PostgreSQL: the sessions gate watches only
 * its own database, so a session idle inside a transaction there holds it exactly as long as the test wants.
 */
class GateProgressIT {

    private static final String DB = "pit_progress";

    @TempDir
    static Path dir;

    @BeforeAll
    static void database() {
        TestPostgres.get().recreate(DB);
        TestPostgres.get().execute(DB, "CREATE TABLE t (id int PRIMARY KEY)");
    }

    private static Path spec(String name, String settings) {
        TestPostgres pg = TestPostgres.get();
        String yaml = "name: " + name + "\n"
                + "source:\n  url: " + pg.url(DB) + "\n  user: " + pg.user() + "\n  password: \"" + pg.password() + "\"\n"
                + "destination:\n  url: " + pg.url(DB) + "\n  user: " + pg.user() + "\n  password: \"" + pg.password() + "\"\n"
                + "tables: [t]\ncutover:\n  steps:\n    - gate: sessions\n" + settings;
        try {
            return Files.writeString(dir.resolve(name + ".yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CliRun gate(Path spec, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("gate", "sessions", "--job", spec.toString(),
                "--report-dir", dir.resolve("reports").toString()));
        args.addAll(List.of(extra));
        return CliRun.run(dir, args.toArray(String[]::new));
    }

    private static List<String> progress(CliRun run) {
        return run.err().lines().filter(l -> l.startsWith("gate sessions: ")).toList();
    }

    @Test
    void aWaitingGatePrintsWhatHoldsItAndHowLongItMayStillWaitUnlessQuiet() throws Exception {
        Path spec = spec("pit_progress_wait", "      timeout: 3s\n      interval: 500ms\n      progress: 1s\n");
        try (Connection app = TestPostgres.get().connect(DB); Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.execute("INSERT INTO t VALUES (1)");

            CliRun loud = gate(spec);
            CliRun quiet = gate(spec, "-q");

            assertEquals(1, loud.exitCode(), loud.out() + loud.err());
            List<String> lines = progress(loud);
            assertTrue(lines.size() >= 3 && lines.size() <= 4, "at 0 s, then about every second of 3 s: " + lines);
            assertTrue(lines.get(0).matches("gate sessions: 1 writing session\\(s\\) outside the allow-list: session \\d+ "
                    + "postgres@.*; (3|2\\.\\d|3\\.0) s until timeout"), lines.get(0));
            assertTrue(lines.get(lines.size() - 1).matches(".*; (\\d+(\\.\\d)? s|\\d+ ms) until timeout"), lines.toString());
            assertTrue(loud.out().contains("still not met after"), "the step line is on stdout as before: " + loud.out());
            assertEquals(1, quiet.exitCode(), quiet.out() + quiet.err());
            assertEquals(List.of(), progress(quiet), "-q keeps progress off stderr");
            assertTrue(quiet.out().contains("still not met after"), quiet.out());
            JsonNode waited = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_progress_wait"),
                    "sessions").get("waited");
            assertEquals("timeout", waited.get("ended").asString());
            assertTrue(waited.get("moved").asString().matches("writing sessions outside the allow-list 1 -> 1;"
                    + " accounts seen writing: postgres@127\\.0\\.0\\.1 \\(\\d+ samples\\)"), waited.toString());
            app.rollback();
        }
    }

    @Test
    void aPassAfterAWaitSaysHowLongAndWhatMoved() throws Exception {
        Path spec = spec("pit_progress_pass", "      timeout: 30s\n      interval: 500ms\n");
        CliRun result;
        try (Connection app = TestPostgres.get().connect(DB); Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.execute("INSERT INTO t VALUES (2)");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> gate(spec));
            Thread.sleep(2500);
            app.rollback();
            result = run.get();
        }

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertEquals(1, progress(result).size(), "one line at the first WAIT, none 10 s later: " + result.err());
        JsonNode e = GateEvidence.read(GateEvidence.latestRun(dir.resolve("reports"), "pit_progress_pass"), "sessions");
        int observations = e.get("observations").size();
        assertTrue(observations >= 4, e.toString());
        String reason = e.get("reason").asString();
        assertTrue(reason.matches(".*; waited \\d+(\\.\\d)? s over " + observations
                + " observations; meanwhile writing sessions outside the allow-list 1 -> 0; accounts seen writing:"
                + " postgres@127\\.0\\.0\\.1 \\(\\d+ samples?\\)"), reason);
        assertTrue(e.get("waited").get("waited_ms").asLong() >= (observations - 1) * 500L, "observations 500 ms apart: "
                + e.get("waited"));
        assertTrue(result.out().contains("; waited "), result.out());

        CliRun at = gate(spec);
        assertEquals(0, at.exitCode(), at.out() + at.err());
        assertTrue(at.out().contains("passed at the first observation, no wait"), at.out());
        assertEquals(List.of(), progress(at));
    }
}
