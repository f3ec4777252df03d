package io.parity.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command tree {@link ParityCli} builds: one subcommand when the command line names it, every one otherwise; what a
 * user sees (help, errors, completion) is the same either way.
 */
class ParityCliTest {

    private static final PrintWriter NOWHERE = new PrintWriter(java.io.Writer.nullWriter());

    private record Ran(int code, String out, String err) {
    }

    private static Ran run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParityCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(code, out.toString(), err.toString());
    }

    @Test
    void everySubcommandIsListedUnderItsOwnName() {
        for (Map.Entry<String, Class<?>> e : ParityCommand.SUBCOMMANDS.entrySet()) {
            assertThat(e.getValue().getAnnotation(CommandLine.Command.class).name()).isEqualTo(e.getKey());
        }
        CommandLine full = ParityCli.commandLine(NOWHERE, NOWHERE);
        assertThat(full.getSubcommands().keySet()).containsExactlyElementsOf(ParityCommand.SUBCOMMANDS.keySet());
    }

    @Test
    void aNamedSubcommandIsBuiltAloneWithTheSameHelpAndSettings() {
        CommandLine full = ParityCli.commandLine(NOWHERE, NOWHERE);
        for (String name : ParityCommand.SUBCOMMANDS.keySet()) {
            Class<?> only = ParityCli.named(new String[] {name, "--help"});
            if (name.equals("completion")) {
                assertThat(only).as("completion describes every command").isNull();
                continue;
            }
            CommandLine lazy = ParityCli.commandLine(NOWHERE, NOWHERE, only);
            assertThat(lazy.getSubcommands().keySet()).containsExactly(name);
            CommandLine one = lazy.getSubcommands().get(name);
            CommandLine same = full.getSubcommands().get(name);
            assertThat(one.getUsageMessage()).isEqualTo(same.getUsageMessage());
            assertThat(one.getUsageHelpWidth()).isEqualTo(110);
            assertThat(one.getSubcommands().keySet()).containsExactlyElementsOf(same.getSubcommands().keySet());
            for (String sub : same.getSubcommands().keySet()) {
                assertThat(one.getSubcommands().get(sub).getUsageMessage())
                        .isEqualTo(same.getSubcommands().get(sub).getUsageMessage());
            }
        }
    }

    @Test
    void helpVersionTyposAndCompletionSeeEveryCommand() {
        assertThat(ParityCli.named(new String[0])).isNull();
        assertThat(ParityCli.named(new String[] {"--help"})).isNull();
        assertThat(ParityCli.named(new String[] {"Verify"})).isNull();

        Ran help = run("--help");
        assertThat(help.code()).isZero();
        for (String name : ParityCommand.SUBCOMMANDS.keySet()) {
            assertThat(help.out()).contains("  " + name + " ");
        }
        Ran bare = run();
        assertThat(bare.out()).isEqualTo(help.out());

        Ran typo = run("verfy", "--job", "x.yml");
        assertThat(typo.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(typo.err()).contains("Unmatched argument").contains("verfy").contains("Did you mean")
                .contains("parity verify").contains("Try 'parity --help'");

        Ran completion = run("completion", "bash");
        assertThat(completion.code()).isZero();
        for (String name : ParityCommand.SUBCOMMANDS.keySet()) {
            assertThat(completion.out()).contains(name);
        }
        assertThat(completion.out()).contains("--job").contains("--restart");
    }

    @Test
    void onlyACommandLineNamingASpecPreparesItsReading() {
        assertThat(ParityCli.readsSpec(new String[] {"verify", "--job", "jobs/shop.yml"})).isTrue();
        assertThat(ParityCli.readsSpec(new String[] {"repair", "--job=jobs/shop.yml", "--apply"})).isTrue();
        assertThat(ParityCli.readsSpec(new String[] {"runs"})).isFalse();
        assertThat(ParityCli.readsSpec(new String[] {"verify", "--restart", "12"})).isFalse();
    }

    @Test
    void aNamedSubcommandStillRunsAndReportsItsOwnErrors() {
        Ran noJob = run("verify");
        assertThat(noJob.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noJob.err()).contains("verify needs --job");

        Ran unknownOption = run("verify", "--jobb", "x.yml");
        assertThat(unknownOption.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknownOption.err()).contains("--jobb").contains("parity verify --help");

        Ran version = run("runs", "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).contains("Parity");
    }
}
