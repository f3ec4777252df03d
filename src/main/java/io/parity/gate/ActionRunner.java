package io.parity.gate;

import io.parity.core.ParityException;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command action: {@code sh -c <run>} in the spec file's directory, output captured (so it lands in the
 * evidence rather than interleaved with Parity's own), killed with its process tree at the timeout.
 */
public final class ActionRunner {

    static final int MAX_OUTPUT = 64 * 1024;

    private ActionRunner() {
    }

    public static ActionResult run(String command, Path workingDir, Duration timeout) {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder("sh", "-c", command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw ParityException.incomplete("cannot start the command '" + command + "' (" + e.getMessage() + ")", e);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), captured), "parity-action-output");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(2_000);
            String out;
            synchronized (captured) {
                out = captured.toString(StandardCharsets.UTF_8);
            }
            return new ActionResult(done ? process.exitValue() : -1, out, !done,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw ParityException.incomplete("interrupted while running '" + command + "'", e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (out) {
                    int room = MAX_OUTPUT - out.size();
                    if (room > 0) {
                        out.write(buf, 0, Math.min(n, room));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended or was killed; what was read is kept
        }
    }
}
