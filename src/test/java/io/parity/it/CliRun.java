package io.parity.it;

import io.parity.cli.ParityCli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real CLI in-process and captures its exit code and output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path repositoryDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (repositoryDir != null) {
            all.add("--repository-url");
            all.add("jdbc:h2:file:" + repositoryDir.resolve("repo").toAbsolutePath());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParityCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
