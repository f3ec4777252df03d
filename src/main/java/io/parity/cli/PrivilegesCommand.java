package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.core.Side;
import io.parity.engine.AccountSql;
import io.parity.engine.AccountSql.Need;
import io.parity.privilege.AccountSqls;
import io.parity.privilege.PrivilegePlan;
import io.parity.privilege.Purpose;
import io.parity.spec.Endpoint;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code parity privileges --job FILE --for verify|repair|cutover}: the GRANT statements each side's account needs for
 * one command, from the spec alone (no connection: the accounts may not exist yet). Comment lines say why.
 */
@Command(name = "privileges", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Print the GRANT statements the spec's accounts need for a command, per side.", ""},
        footer = {"", "Examples:", "  parity privileges --job jobs/shop.yml",
                "  parity privileges --job jobs/shop.yml --for repair --host 10.0.0.%%",
                "", "Verify needs SELECT only; repair --apply also writes the target (the destination);",
                "cutover adds what the runbook's gates read and write.",
                "Exit codes: 0 printed, 2 bad input."})
public class PrivilegesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, paramLabel = "FILE", description = "Job spec (YAML).")
    Path job;

    @Option(names = "--for", paramLabel = "COMMAND", defaultValue = "verify",
            description = "verify, repair or cutover (default: ${DEFAULT-VALUE}).")
    String purpose;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "%",
            description = "MySQL/MariaDB account host part (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--server", paramLabel = "ENGINE",
            description = "mysql or mariadb: print only that engine's statements where the two differ (replica"
                    + " status, GTID domains); by default both, commented out.")
    String server;

    @Override
    public Integer call() {
        if (server != null && !server.equals("mysql") && !server.equals("mariadb")) {
            throw ParityException.badInput("--server: '" + server + "' is not mysql or mariadb; name the MySQL-family"
                    + " server's engine, or leave --server out to print both");
        }
        Purpose what = purpose();
        JobSpec jobSpec = SpecLoader.fromSystemEnvironment().load(job);
        PrintWriter out = spec.commandLine().getOut();
        out.println("-- Parity " + what.spelling() + ", job " + jobSpec.name() + ": grants per side");
        for (Side side : new Side[] {Side.SOURCE, Side.DESTINATION}) {
            if (jobSpec.shards().side() == side) {
                // every shard has its own account and database: grants for each
                for (io.parity.spec.ShardLayout.ShardEndpoint shard : jobSpec.shards().shards()) {
                    print(out, on(jobSpec, side, shard.endpoint()), what, side, shard.endpoint());
                }
            } else {
                print(out, jobSpec, what, side, side == Side.SOURCE ? jobSpec.source() : jobSpec.destination());
            }
        }
        out.flush();
        return ExitCode.CONSISTENT;
    }

    /** The spec with {@code endpoint} (a shard) standing for {@code side}. */
    private static JobSpec on(JobSpec s, Side side, Endpoint endpoint) {
        return new JobSpec(s.name(), s.file(), s.sha256(), side == Side.SOURCE ? endpoint : s.source(),
                side == Side.DESTINATION ? endpoint : s.destination(), s.tables(), s.options(), s.repository(),
                s.workers(), s.cutover(), s.schedule(), s.report(), s.shards());
    }

    private Purpose purpose() {
        try {
            return Purpose.valueOf(purpose.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ParityException.badInput("--for: '" + purpose + "' is not a command; use verify, repair or cutover");
        }
    }

    private void print(PrintWriter out, JobSpec jobSpec, Purpose what, Side side, Endpoint endpoint) {
        out.println();
        Optional<AccountSql> engine = AccountSqls.forUrl(endpoint.url(), server);
        if (engine.isEmpty()) {
            out.println("-- " + side.label() + " (" + endpoint.safeUrl() + "): no grants; the engine has no accounts"
                    + " Parity can grant to");
            return;
        }
        String account = engine.get().account(endpoint.user(), host);
        String label = endpoint.label() != null && endpoint.label().contains(" (shard ") ? endpoint.label() : side.label();
        out.println("-- " + label + " (" + endpoint.safeUrl() + ") as " + account);
        String database = PrivilegePlan.database(endpoint.url());
        Set<String> lines = new LinkedHashSet<>();
        String why = null;
        for (Need need : PrivilegePlan.needs(jobSpec, what, side)) {
            if (!need.why().equals(why)) {
                lines.add("-- " + need.why());
                why = need.why();
            }
            lines.addAll(engine.get().grants(need, account, database));
        }
        lines.forEach(out::println);
    }
}
