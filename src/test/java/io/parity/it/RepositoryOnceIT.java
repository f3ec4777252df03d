package io.parity.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job repository's schema is created by the first command and left alone by every later one: a hundred starts
 * against an H2 file repository (with H2's default error tracing on) leave no trace file, which H2 writes as soon as
 * one statement fails (Spring Boot's initializer re-ran the schema script on every start, about 18 KB of failed
 * {@code CREATE TABLE} stack traces each time).
 */
class RepositoryOnceIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aHundredStartsRunNoFailingStatement() throws Exception {
        Path trace = dir.resolve("repo.trace.db");
        CliRun first = CliRun.run(dir, "runs");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(dir.resolve("repo.mv.db")).exists();
        assertThat(trace).doesNotExist();
        for (int i = 1; i < 100; i++) {
            CliRun run = CliRun.run(dir, "runs");
            assertThat(run.exitCode()).as("run %d: %s", i + 1, run.err()).isZero();
        }
        assertThat(trace).as(Files.exists(trace) ? Files.readString(trace) : "").doesNotExist();
    }
}
