package io.parity.cli;

import io.parity.core.ParityException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Builds the picocli command tree and turns every outcome into an exit code. */
public final class ParityCli {

    private ParityCli() {
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /** A fresh command tree with Parity's error handling; commands that run other commands (demo) use their own. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ParityCommand());
        // The descriptions are written as lines of up to 105 characters; at picocli's default 80 each one wrapped
        // mid-sentence into a ragged paragraph.
        cli.setUsageHelpWidth(110);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof ParityException p ? ExitCode.of(p.failure()) : ExitCode.INCOMPLETE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ParityException p) {
                commandLine.getErr().println(commandLine.getColorScheme().errorText("parity: " + p.getMessage()
                        .replace("\n", "\nparity: ")));
                return ExitCode.of(p.failure());
            }
            commandLine.getErr().println("parity: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCode.INCOMPLETE;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("parity: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.BAD_INPUT;
        });
        return cli;
    }
}
