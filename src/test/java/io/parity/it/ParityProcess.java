package io.parity.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs Parity in its own JVM, for tests that kill it or send it signals. */
final class ParityProcess {

    private ParityProcess() {
    }

    static Process start(Path log, Map<String, String> env, String... args) throws IOException {
        return start(null, log, env, args);
    }

    /**
     * Started in {@code workDir} (null: this JVM's), with {@code env} on top of this JVM's environment minus any
     * {@code PARITY_SERVE_*} variable, so a developer's own serve credentials cannot change what a test sees.
     */
    static Process start(Path workDir, Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.parity.ParityApplication"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("PARITY_SERVE_"));
        pb.environment().putAll(env);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        return pb.start();
    }

    /**
     * Waits up to a minute for {@code pattern} to appear in {@code log}, and returns its first group; fails with the log
     * when the process dies first or the time runs out.
     */
    static String await(Process process, Path log, java.util.regex.Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            java.util.regex.Matcher m = pattern.matcher(read(log));
            if (m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended: " + read(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not seen in a minute: " + pattern + "\n" + read(log));
    }

    static String read(Path log) throws IOException {
        File f = log.toFile();
        return f.exists() ? java.nio.file.Files.readString(log) : "";
    }
}
