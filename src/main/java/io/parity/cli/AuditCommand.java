package io.parity.cli;

import io.parity.audit.AuditCheck;
import io.parity.core.ParityVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code parity audit verify DIR}: re-checks a run's audit bundle against the files beside it. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Audit bundles: every verify run writes audit.json beside its report files.", ""},
        subcommands = AuditCommand.Verify.class,
        footer = {"", "Examples:", "  parity audit verify reports/shop/12"})
public class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code parity audit verify DIR}. */
    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
            description = {"Re-check a run's audit.json: every file it lists must still have its sha256.",
                    "Files written after it (a later repair's SQL) are listed as not covered; that is not a change.", ""},
            footer = {"", "Examples:", "  parity audit verify reports/shop/12",
                    "", "Exit codes: 0 intact, 1 a listed file changed or is missing (each is named), 2 no bundle there."})
    public static class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "A run's report directory (reports/<job>/<run>).")
        Path dir;

        @Override
        public Integer call() {
            AuditCheck.Result result = AuditCheck.check(dir);
            PrintWriter out = spec.commandLine().getOut();
            result.changed().forEach(f -> out.println("changed      " + f));
            result.missing().forEach(f -> out.println("missing      " + f));
            result.notCovered().forEach(f -> out.println("not covered  " + f + " (written after the bundle)"));
            out.println(result.intact()
                    ? "INTACT: " + result.unchanged().size() + " file(s) match " + dir.resolve("audit.json")
                    : "CHANGED: " + (result.changed().size() + result.missing().size()) + " of "
                            + (result.unchanged().size() + result.changed().size() + result.missing().size())
                            + " file(s) differ from " + dir.resolve("audit.json"));
            out.flush();
            return result.intact() ? ExitCode.CONSISTENT : ExitCode.DIFFERENCES;
        }
    }
}
