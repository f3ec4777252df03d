package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password given through the environment never shows up in the process list, the output, the reports or the job
 * repository, whatever the outcome of the run.
 */
class SecretsIT {

    static final String SRC = "pit_secret_src";
    static final String DST = "pit_secret_dst";
    static final String SECRET = "Xy-s3cr3t-9931";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t SELECT seq, seq FROM " + Numbers.upTo(2000));
        }
        db.execute("UPDATE " + DST + ".t SET v = 0 WHERE id = 3",
                "DROP USER IF EXISTS 'pit_secret'@'127.0.0.1'",
                "CREATE USER 'pit_secret'@'127.0.0.1' IDENTIFIED BY '" + SECRET + "'",
                "GRANT SELECT ON " + SRC + ".* TO 'pit_secret'@'127.0.0.1'",
                "GRANT SELECT ON " + DST + ".* TO 'pit_secret'@'127.0.0.1'");
    }

    @Test
    void thePasswordAppearsNowhere() throws Exception {
        TestDatabase db = TestDatabase.get();
        Path spec = dir.resolve("secret.yml");
        Files.writeString(spec, "name: secret\nsource: {url: \"" + db.url(SRC) + "\", user: pit_secret, password: \"${PIT_PW}\"}\n"
                + "destination: {url: \"" + db.url(DST) + "\", user: pit_secret, password: \"${PIT_PW}\"}\n"
                + "tables:\n  - name: t\n    where: \"SLEEP(0.001) = 0\"\noptions: {chunk-rows: 200, recheck: {attempts: 0}}\n");
        Path log = dir.resolve("run.log");
        Process p = ParityProcess.start(log, Map.of("PIT_PW", SECRET), "verify", "--job", spec.toString(),
                "--report-dir", dir.resolve("reports").toString(), "--repository-url",
                "jdbc:h2:file:" + dir.resolve("repo").toAbsolutePath());
        Thread.sleep(1500);
        String cmdline = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(ParityProcess.read(log)).isEqualTo(1);
        assertThat(cmdline).contains("verify").doesNotContain(SECRET);
        assertThat(ParityProcess.read(log)).contains("DIFFERENCES FOUND").doesNotContain(SECRET);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(spec)).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(SECRET);
            }
        }

        Path wrong = dir.resolve("wrong.yml");
        Files.writeString(wrong, Files.readString(spec).replace("name: secret", "name: wrong"));
        CliRun denied = CliRun.run(dir, "verify", "--job", wrong.toString());
        assertThat(denied.exitCode()).isEqualTo(2);
        assertThat(denied.err()).contains("PIT_PW is not set");
    }
}
