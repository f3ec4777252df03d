package io.parity.cli;

import io.parity.batch.RunProgress;
import io.parity.batch.VerifyLauncher;
import io.parity.config.JobSpec;
import io.parity.config.SpecLoader;
import io.parity.error.ParityException;
import io.parity.report.Phase;
import io.parity.report.ReportDetails;
import io.parity.report.ReportWriter;
import io.parity.report.SampleReader;
import io.parity.report.SampleRow;
import io.parity.report.SpecRedaction;
import io.parity.report.RunSummary;
import io.parity.report.SummaryAssembler;
import io.parity.report.TableSummary;
import io.parity.report.TerminalSummary;
import io.parity.report.Verdict;
import io.parity.store.RunStore;
import io.parity.store.StoredDiff;
import io.parity.schema.TablePlan;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code parity verify}: checks that the destination holds the same rows as the source. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Compare source and destination table by table and report every differing row.",
                "",
                "Tables are split into key-range chunks; each chunk is checksummed on both sides at once, and only",
                "chunks that differ are narrowed down to rows: missing, extra, or changed (with the column names).",
                "Schema differences are reported too. Verify only reads: it never writes to either database.", ""},
        footer = {"", "Examples:",
                "  parity verify --job jobs/shop.yml",
                "  parity verify --job jobs/shop.yml --report-dir /var/lib/parity/reports --quiet",
                "  SRC_PASSWORD=... DST_PASSWORD=... parity verify --job jobs/shop.yml",
                "  parity verify --job jobs/shop.yml --output json | jq '.tables[] | {table, missing, extra, changed}'",
                "", "Reports go to <report-dir>/<job>/<run>/: report.html, summary.json, diffs.jsonl, report.md, junit.xml.",
                "A progress bar is drawn on stderr when it is a terminal (not with --quiet or --output json).",
                "Exit codes: 0 consistent, 1 differences found, 2 bad input, 3 could not complete."})
public class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, paramLabel = "FILE", description = "Job spec (YAML), e.g. jobs/shop.yml.")
    Path job;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory for reports (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL",
            description = "Job repository database (default: H2 file under .parity/, or PARITY_REPOSITORY_URL).")
    String repositoryUrl;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar; print only the verdict and the report path.")
    boolean quiet;

    /** What goes to stdout. */
    enum Output { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the run's summary.json on stdout and nothing else, for scripts.")
    Output output;

    @Override
    public Integer call() {
        JobSpec jobSpec = SpecLoader.fromSystemEnvironment().load(job);
        long start = System.nanoTime();
        try (VerifyContext context = VerifyPreparation.prepare(jobSpec);
             ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl, jobSpec.repository()))) {
            List<Phase> phases = new ArrayList<>(List.of(new Phase("connect, discover tables, start the job repository",
                    (System.nanoTime() - start) / 1_000_000)));
            ProgressLine bar = progress(runtime.bean(RunProgress.class), context);
            JobExecution execution;
            try {
                execution = runtime.bean(VerifyLauncher.class).run(context);
            } finally {
                if (bar != null) {
                    bar.finish();
                }
            }
            boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
            ParityException failure = completed ? null : VerifyLauncher.failureOf(execution);
            long runId = execution.getJobInstance().getInstanceId();
            RunStore store = runtime.bean(RunStore.class);
            List<StoredDiff> diffs = store.diffs(runId);
            List<TableSummary> tables = SummaryAssembler.tables(store.tables(runId), diffs);
            Verdict verdict = SummaryAssembler.verdict(tables, completed);
            RunSummary summary = new RunSummary(RunSummary.SCHEMA_VERSION, ParityVersion.get(), jobSpec.name(), runId,
                    verdict.label(), execution.getStartTime() == null ? null : execution.getStartTime().toInstant(ZoneOffset.UTC),
                    execution.getEndTime() == null ? null : execution.getEndTime().toInstant(ZoneOffset.UTC),
                    context.source().dialect().describe() + " " + jobSpec.source().safeUrl(),
                    context.destination().dialect().describe() + " " + jobSpec.destination().safeUrl(),
                    jobSpec.file().toString(), jobSpec.sha256(), context.hash().specName(), tables,
                    failure == null ? null : failure.getMessage());
            phases.addAll(stepPhases(execution));
            ReportDetails details = new ReportDetails(store.chunks(runId), samples(context, diffs), phases,
                    SpecRedaction.redact(specText(jobSpec.file())));
            Path dir = new ReportWriter().write(reportDir.resolve(jobSpec.name()).resolve(Long.toString(runId)), summary,
                    diffs, details);
            if (output == Output.json) {
                spec.commandLine().getOut().print(ReportWriter.summaryJson(summary));
                spec.commandLine().getOut().flush();
            } else if (quiet) {
                spec.commandLine().getOut().println(verdict.label() + " " + ReportFiles.report(dir));
            } else {
                TerminalSummary.print(spec.commandLine().getOut(), summary, dir,
                        spec.commandLine().getColorScheme().ansi().enabled());
            }
            if (failure != null) {
                spec.commandLine().getErr().println("parity: " + failure.getMessage());
                return ExitCode.of(failure.failure());
            }
            return ExitCode.of(verdict);
        }
    }

    /** The plan and verify steps' wall times, from the job repository. */
    private static List<Phase> stepPhases(JobExecution execution) {
        List<Phase> phases = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if ((step.getStepName().equals("plan") || step.getStepName().equals("verify")) && step.getStartTime() != null
                    && step.getEndTime() != null) {
                phases.add(new Phase(step.getStepName().equals("plan") ? "plan: record table plans"
                        : "verify: checksum and reconcile all chunks", Duration.between(step.getStartTime(),
                        step.getEndTime()).toMillis()));
            }
        }
        return phases;
    }

    /** Sample rows read fresh; when the servers cannot be read any more (the run failed), the report goes without. */
    private List<SampleRow> samples(VerifyContext context, List<StoredDiff> diffs) {
        try {
            Map<String, TablePlan> plans = new LinkedHashMap<>();
            context.plans().forEach(p -> plans.put(p.id(), p));
            return new SampleReader(context.source(), context.destination()).read(plans, diffs);
        } catch (ParityException e) {
            spec.commandLine().getErr().println("parity: the report has no sample rows: " + e.getMessage());
            return List.of();
        }
    }

    private static String specText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** A live bar on stderr, only for a person at a terminal; scripts and logs get the result alone. */
    private ProgressLine progress(RunProgress progress, VerifyContext context) {
        if (!ProgressLine.wanted(quiet || output == Output.json)) {
            return null;
        }
        long total = context.plans().stream().filter(TablePlan::comparable).mapToLong(TablePlan::estimatedRows).sum();
        ProgressLine bar = new ProgressLine(System.err, total);
        progress.onChange(bar::update);
        return bar;
    }
}
