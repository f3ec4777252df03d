package io.parity.cli;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.demo.DemoDatabases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code parity demo}: builds the demo databases, then runs the real {@code verify} and {@code repair} commands on
 * them, exactly as a user would, and says where to look.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Try Parity with nothing but Java: build a small shop twice in embedded H2 databases, with",
                "drift of every kind planted in the copy, verify it, and write the repair SQL.",
                "",
                "Creates <dir>/source.mv.db, <dir>/destination.mv.db and the job spec <dir>/demo.yml from sql/demo/,",
                "runs 'parity verify --job <dir>/demo.yml' and 'parity repair' on that run, then prints where the",
                "report and the repair files are. Run it again at any time: the databases are rebuilt each time.", ""},
        footer = {"", "Examples:",
                "  parity demo",
                "  parity demo --dir /tmp/parity-demo --report-dir /tmp/parity-reports",
                "  parity verify --job .parity/demo/demo.yml        # after the demo: verify the demo data again",
                "", "Exit codes: 0 the demo ran and found the planted differences, 2 bad input, 3 could not complete."})
public class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".parity/demo",
            description = "Where the demo databases and spec go (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory for reports (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL",
            description = "Job repository database (default: H2 file under .parity/, or PARITY_REPOSITORY_URL).")
    String repositoryUrl;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line, the report path and the repair files.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Parity demo: building the shop databases in " + dir + " from sql/demo/ ...");
        out.flush();
        Path job = new DemoDatabases(dir).create();

        int verified = run(out, err, "verify", job);
        if (verified != ExitCode.DIFFERENCES) {
            err.println("parity: the demo's verify did not find the planted differences (exit " + verified + ")");
            return verified == ExitCode.CONSISTENT ? ExitCode.INCOMPLETE : verified;
        }
        int repaired = run(out, err, "repair", job);
        if (repaired != ExitCode.CONSISTENT) {
            return repaired;
        }
        Path runDir = latestRun(reportDir.resolve("demo"));
        out.println();
        out.println("Demo done: the planted drift was found and the repair SQL written.");
        out.println("  Report:      " + ReportFiles.report(runDir));
        out.println("  Repair SQL:  " + runDir.resolve("repair") + "  (undo SQL in " + runDir.resolve("undo") + ")");
        out.println("  Again:       parity verify --job " + job);
        out.flush();
        return ExitCode.CONSISTENT;
    }

    private int run(PrintWriter out, PrintWriter err, String command, Path job) {
        List<String> args = new ArrayList<>(List.of(command, "--job", job.toString(), "--report-dir", reportDir.toString()));
        if (repositoryUrl != null) {
            args.addAll(List.of("--repository-url", repositoryUrl));
        }
        if (quiet && command.equals("verify")) {
            args.add("--quiet");
        }
        boolean silent = quiet && command.equals("repair"); // --quiet: the demo's closing lines say where the files are
        return ParityCli.commandLine(silent ? new PrintWriter(java.io.Writer.nullWriter()) : out, err)
                .execute(args.toArray(String[]::new));
    }

    /** The newest run directory of the demo job: run ids grow. */
    static Path latestRun(Path jobDir) {
        try (Stream<Path> runs = Files.list(jobDir)) {
            return runs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString())))
                    .orElseThrow(() -> new ParityException(Failure.INCOMPLETE, "no demo run under " + jobDir));
        } catch (IOException e) {
            throw new ParityException(Failure.INCOMPLETE, "cannot read " + jobDir + " (" + e.getMessage() + ")", e);
        }
    }
}
