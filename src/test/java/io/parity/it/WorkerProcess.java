package io.parity.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code parity worker} in a JVM of its own, started from the test classpath, with its output in a file. Closing it
 * sends SIGTERM; {@link #kill()} sends SIGKILL, as a crashed machine would.
 */
final class WorkerProcess implements AutoCloseable {

    static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";
    private static final Pattern STARTED = Pattern.compile("partition \\S+ \\(run \\d+, step execution (\\d+)\\) started");

    private final Process process;
    private final Path log;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static WorkerProcess start(Path dir, String name, String repositoryUrl, String queue) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "io.parity.ParityApplication",
                "worker", "--broker", BROKER, "--repository-url", repositoryUrl, "--queue", queue));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            WorkerProcess worker = new WorkerProcess(p, log);
            worker.awaitOutput("taking partitions from queue", Duration.ofSeconds(90));
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Step execution ids of the partitions this worker has started, in order. */
    List<Long> startedPartitions() {
        List<Long> ids = new ArrayList<>();
        Matcher m = STARTED.matcher(output());
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    void awaitOutput(String text, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("worker exited (" + process.exitValue() + "):\n" + output());
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("worker did not print '" + text + "' within " + timeout + ":\n" + output());
            }
            sleep(100);
        }
    }

    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
