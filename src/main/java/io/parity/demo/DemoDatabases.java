package io.parity.demo;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import org.h2.tools.RunScript;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Builds the demo's two H2 file databases under one directory ({@code .parity/demo/} by default) and writes the job
 * spec that compares them. Both get {@code schema.sql} and {@code data.sql}; the destination also gets
 * {@code drift.sql}. The scripts are packaged into the jar from {@code sql/demo/}, so the demo needs no checkout.
 * Rebuilt from scratch on every call, so the demo always shows the same differences.
 */
public final class DemoDatabases {

    static final List<String> BOTH = List.of("schema.sql", "data.sql");
    static final String DRIFT = "drift.sql";
    /** Lower-case unquoted names, as in MySQL, so reports say {@code public.orders}, not {@code PUBLIC.ORDERS}. */
    static final String URL_OPTIONS = ";DATABASE_TO_LOWER=TRUE";

    private final Path dir;

    public DemoDatabases(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public String sourceUrl() {
        return "jdbc:h2:file:" + dir.resolve("source") + URL_OPTIONS;
    }

    public String destinationUrl() {
        return "jdbc:h2:file:" + dir.resolve("destination") + URL_OPTIONS;
    }

    /** Creates both databases and the spec; returns the spec file. */
    public Path create() {
        try {
            Files.createDirectories(dir);
            for (String name : List.of("source", "destination")) {
                Files.deleteIfExists(dir.resolve(name + ".mv.db"));
                Files.deleteIfExists(dir.resolve(name + ".trace.db"));
            }
            load(sourceUrl(), BOTH);
            load(destinationUrl(), List.of("schema.sql", "data.sql", DRIFT));
            Path spec = dir.resolve("demo.yml");
            Files.writeString(spec, spec(), StandardCharsets.UTF_8);
            return spec;
        } catch (IOException e) {
            throw new ParityException(Failure.INCOMPLETE, "cannot create the demo databases in " + dir + " ("
                    + e.getMessage() + "); choose a writable --dir", e);
        }
    }

    private static void load(String url, List<String> scripts) {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (String script : scripts) {
                try (Reader sql = script(script)) {
                    RunScript.execute(c, sql);
                }
            }
        } catch (SQLException | IOException e) {
            throw new ParityException(Failure.INCOMPLETE, "cannot load the demo data into " + url + " ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
    }

    private static Reader script(String name) {
        InputStream in = DemoDatabases.class.getResourceAsStream("/sql/demo/" + name);
        if (in == null) {
            throw new ParityException(Failure.INCOMPLETE, "sql/demo/" + name + " is missing from the Parity jar; rebuild it");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    String spec() {
        return "# Written by 'parity demo': the demo's H2 source and destination (see sql/demo/).\n"
                + "name: demo\n"
                + "source:\n  url: \"" + sourceUrl() + "\"\n  user: sa\n  password: \"\"\n"
                + "destination:\n  url: \"" + destinationUrl() + "\"\n  user: sa\n  password: \"\"\n"
                + "tables:\n  - include: \"*\"\n"
                + "options:\n  chunk-rows: 500\n  parallelism: 2\n";
    }
}
