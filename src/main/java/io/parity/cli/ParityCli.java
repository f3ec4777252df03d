package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.spec.SpecLoader;
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
        if (readsSpec(args)) {
            SpecLoader.prepareInBackground();
        }
        return commandLine(out, err, named(args)).execute(args);
    }

    /** Whether a command line names a job spec ({@code --job FILE} or {@code --job=FILE}), which its command reads. */
    static boolean readsSpec(String[] args) {
        for (String a : args) {
            if (a.equals("--job") || a.startsWith("--job=")) {
                return true;
            }
        }
        return false;
    }

    /** A fresh command tree with Parity's error handling; commands that run other commands (demo) use their own. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The subcommand a command line names by its first argument, when that is exactly one's name and it needs no
     * other command; null otherwise (an option, a typo, no argument, or {@code completion}, which describes them all).
     */
    static Class<?> named(String[] args) {
        Class<?> named = args.length == 0 ? null : ParityCommand.SUBCOMMANDS.get(args[0]);
        return named == CompletionCommand.class ? null : named;
    }

    /**
     * The tree with every subcommand, or with {@code only} alone: picocli reads every command's options and their
     * annotations when it is added: the whole tree took 0.17 s of the start-up's critical path (the job repository
     * starts after it), the root and one subcommand 0.09 s, and a command line runs one subcommand. Help, version, a
     * mistyped name and {@code completion} get the whole tree; a subcommand's own help and errors are the same either
     * way.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Class<?> only) {
        CommandLine cli = new CommandLine(new ParityCommand());
        for (Class<?> c : ParityCommand.SUBCOMMANDS.values()) {
            if (only == null || c == only) {
                cli.addSubcommand(c);
            }
        }
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
            // "Did you mean: parity verify?" for a mistyped command or option
            CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.BAD_INPUT;
        });
        return cli;
    }
}
