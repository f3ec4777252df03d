package io.parity;

import io.parity.cli.ParityCli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Entry point. The command line is parsed first, without Spring, so {@code --help} and {@code --version} answer at
 * once and nothing connects before a command needs it; commands that run jobs start the Spring context themselves
 * (see {@link io.parity.cli.ParityRuntime}).
 */
public class ParityApplication {

    /** Set by the launcher on the run that records the class-data archive. */
    static final String PRELOAD = "parity.cds.preload";

    public static void main(String[] args) {
        int code = ParityCli.run(args);
        if (Boolean.getBoolean(PRELOAD)) {
            preload();
        }
        System.exit(code);
    }

    /**
     * Loads the classes a verify against MySQL, MariaDB or PostgreSQL needs that the launcher's training run (the demo,
     * on H2) never touches, so the archive it records at exit maps them too (measured: a verify of a small MariaDB
     * table 0.2 CPU-s faster, docs/performance.md). Loaded only, never initialised; a class that is gone is skipped.
     */
    static int preload() {
        int loaded = 0;
        ClassLoader loader = ParityApplication.class.getClassLoader();
        try (InputStream in = ParityApplication.class.getResourceAsStream("/META-INF/parity/cds-preload.txt")) {
            if (in == null) {
                return 0;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(line.strip(), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // a dependency changed since the list was made: nothing to archive
                }
            }
        } catch (IOException e) {
            // the archive is only slower to use without these
        }
        return loaded;
    }
}
