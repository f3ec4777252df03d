package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.gate.Gate;
import io.parity.gate.GateCatalog;
import io.parity.spec.CutoverSpec;
import io.parity.spec.GateSettings;
import io.parity.spec.GateStep;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parity gate <name>}: one gate on its own, for pipelines, with its settings from the spec's runbook (the first
 * step running that gate; enabled for this run even if the runbook disables it) or the gate's defaults.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Run one cutover gate on its own and exit with its verdict.", "",
                "Gates: lag, writes-stopped, sessions, caught-up, reverse-replication,",
                "consistent, backup, grants. Settings come from the spec's cutover: block.", ""},
        footer = {"", "Examples:", "  parity gate lag --job jobs/shop.yml",
                "  parity gate grants --job jobs/shop.yml --report-dir /var/lib/parity/reports",
                "", "Reports go to <report-dir>/<job>/<run>/: <gate>.json, junit.xml, summary.md.",
                "Exit codes: 0 passed, 1 failed, 2 bad input, 3 could not measure."})
public class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GATE", description = "Gate name.")
    String name;

    @Option(names = "--job", required = true, paramLabel = "FILE", description = "Job spec (YAML).")
    Path job;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory for reports (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines while a gate waits (step lines and the verdict"
            + " still print).")
    boolean quiet;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL", description = "Job repository database.")
    String repositoryUrl;

    @Override
    public Integer call() {
        Gate gate = GateCatalog.find(name).orElseThrow(() -> ParityException.badInput("GATE: '" + name
                + "' is not a gate; use one of " + GateCatalog.names()));
        JobSpec jobSpec = SpecLoader.fromSystemEnvironment().load(job);
        CutoverSpec cutover = jobSpec.cutover();
        GateStep configured = cutover.gate(name).orElse(null);
        if (configured == null && (name.equals("backup") || name.equals("grants"))) {
            throw ParityException.badInput(jobSpec.file() + ": cutover.steps: gate " + name + " needs settings; add"
                    + " '- gate: " + name + "' with " + (name.equals("backup") ? "'query:' or 'file:' and 'max-age:'"
                    : "'accounts:'") + " to the cutover block");
        }
        GateSettings settings = configured == null ? GateSettings.of(gate.name(), Map.of()) : configured.settings();
        GateStep step = new GateStep(name, name, true, null, true, settings,
                configured == null ? "gate" : configured.field());
        spec.commandLine().getOut().printf("Parity gate %s  job %s%n%n", name, jobSpec.name());
        try (ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl, jobSpec.repository()))) {
            return new CutoverLaunch(runtime, jobSpec, cutover, reportDir, spec.commandLine().getOut(),
                    quiet ? null : spec.commandLine().getErr())
                    .run(jobSpec.name() + "-gate-" + name, List.of(step), new JobParametersBuilder()
                            .addString(CutoverLaunch.SPEC_SHA, jobSpec.sha256(), true)
                            .addString("run.started", Instant.now().toString(), true)
                            .addString(CutoverLaunch.SPEC_PATH, jobSpec.file().toAbsolutePath().toString(), false)
                            .addString(CutoverLaunch.KIND, "gate:" + name, false)
                            .addString(CutoverLaunch.REPORT_DIR, reportDir.toAbsolutePath().toString(), false)
                            .toJobParameters());
        }
    }
}
