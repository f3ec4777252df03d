package io.parity.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parity}: the root command; prints help when called without a subcommand. */
@Command(name = "parity", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        subcommands = {VerifyCommand.class, RepairCommand.class, RecheckCommand.class, CutoverCommand.class,
                GateCommand.class},
        description = {"Data consistency verification for database migrations, and the gates of the cutover.", ""},
        footer = {"", "Exit codes: 0 consistent (cutover: gates passed), 1 differences found (a gate failed), 2 bad input,",
                "3 could not complete (a gate could not measure), 4 cutover paused.",
                "Run 'parity <command> --help' for a command's options and examples."})
public class ParityCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
