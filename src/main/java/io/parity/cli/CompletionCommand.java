package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code parity completion bash}: a completion script generated from the command tree, so it never goes stale. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Print a shell completion script for parity (commands, options, option values).", ""},
        footer = {"", "Examples:",
                "  source <(parity completion bash)                         # this shell only",
                "  parity completion bash > /etc/bash_completion.d/parity   # every new shell",
                "", "Works in bash and, with 'autoload -U bashcompinit && bashcompinit', in zsh.",
                "Exit codes: 0 printed, 2 unknown shell."})
public class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash (zsh through bashcompinit).")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw ParityException.badInput("completion: '" + shell + "' is not supported; use bash (or zsh with bashcompinit)");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("parity", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.CONSISTENT;
    }
}
