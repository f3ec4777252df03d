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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.parity.ParityApplication"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    static String read(Path log) throws IOException {
        File f = log.toFile();
        return f.exists() ? java.nio.file.Files.readString(log) : "";
    }
}
