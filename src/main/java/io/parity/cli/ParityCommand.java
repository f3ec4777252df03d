package io.parity.cli;

import io.parity.core.ParityVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code parity}: the root command; prints help when called without a subcommand. Its subcommands are
 * {@link #SUBCOMMANDS}, added by {@link ParityCli} (all of them, or only the one a command line names).
 */
@Command(name = "parity", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Data consistency verification for database migrations, and the gates of the cutover.", ""},
        footer = {"", "Examples:",
                "  parity demo                                  # try it: embedded H2 shop with planted drift",
                "  parity verify --job jobs/shop.yml            # compare, report, exit 0/1",
                "  parity repair --job jobs/shop.yml            # repair and undo SQL for the latest run",
                "  parity cutover --job jobs/cutover.yml        # the cutover runbook, gate by gate",
                "  parity privileges --job jobs/shop.yml        # the GRANT statements each side's account needs",
                "  parity runs                                  # recorded runs, newest first",
                "  parity audit verify reports/shop/12          # a run's report files still match its audit.json",
                "  parity worker --broker amqp://mq:5672 --repository-url jdbc:mysql://db/parity   # scale out",
                "  parity serve --jobs jobs/                    # scheduled checks, web page, /metrics",
                "  source <(parity completion bash)             # tab completion",
                "", "Exit codes: 0 consistent (cutover: gates passed), 1 differences found (a gate failed), 2 bad input,",
                "3 could not complete (a gate could not measure), 4 cutover paused.",
                "Run 'parity <command> --help' for a command's options and examples."})
public class ParityCommand implements Runnable {

    /**
     * The subcommands by name, in the order help lists them. Names as well as classes, so that finding the one a
     * command line names loads no other (each name is its class's {@code @Command} name: {@code ParityCliTest}).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "demo", DemoCommand.class, "verify", VerifyCommand.class, "repair", RepairCommand.class,
            "recheck", RecheckCommand.class, "runs", RunsCommand.class, "cutover", CutoverCommand.class,
            "gate", GateCommand.class, "privileges", PrivilegesCommand.class, "serve", ServeCommand.class,
            "worker", WorkerCommand.class, "audit", AuditCommand.class, "completion", CompletionCommand.class);

    private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            all.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return Collections.unmodifiableMap(all);
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
