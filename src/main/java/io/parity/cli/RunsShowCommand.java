package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.gate.EvidenceFiles;
import io.parity.report.SummaryAssembler;
import io.parity.report.TableSummary;
import io.parity.store.RunStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parity runs show <id>}: one run's status, verdict, spec and per-table results (a cutover or gate run: its
 * steps), and where its report is, under {@code --report-dir} or else the directory the run recorded.
 */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Show one run: status, verdict, times, the spec it ran, per-table results (cutover and gate runs:",
                "their steps) and the report path.", ""},
        footer = {"", "Examples:",
                "  parity runs show 12",
                "  parity runs show 12 --report-dir /var/lib/parity/reports",
                "", "Exit codes: 0 shown, 2 unknown run or repository unreachable, 3 could not complete."})
public class RunsShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "The run id, as 'parity runs' lists it.")
    long runId;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Base directory of reports (default: the one the run recorded, else 'reports').")
    Path reportDir;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL",
            description = "Job repository database (default: H2 file under .parity/, or PARITY_REPOSITORY_URL).")
    String repositoryUrl;

    @Override
    public Integer call() {
        try (ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl, null))) {
            JobRepository repository = runtime.bean(JobRepository.class);
            RunStore store = runtime.bean(RunStore.class);
            JobInstance instance = repository.getJobInstance(runId);
            JobExecution last = instance == null ? null : repository.getLastJobExecution(instance);
            if (last == null) {
                throw ParityException.badInput("run " + runId + " is not in the job repository; 'parity runs' lists"
                        + " the runs (check --repository-url)");
            }
            RunsCommand.Row row = RunsCommand.row(instance, last, store, repository);
            RunKind kind = RunKind.of(instance.getJobName(), last);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Run %d of job %s%n", runId, row.job());
            out.printf("  status     %s%n  verdict    %s%n  started    %s%n  duration   %s%n", row.status(), row.verdict(),
                    row.started() == null ? "-" : row.started().withNano(0).toString().replace('T', ' '), row.duration());
            out.printf("  spec       %s%n  sha256     %s%n", last.getJobParameters().getString("spec.path"),
                    last.getJobParameters().getString("spec.sha256"));
            out.println();
            Path runDir = base(last).resolve(kind.specName()).resolve(Long.toString(runId));
            if (kind.verify()) {
                tables(out, store);
            } else {
                steps(out, repository, instance, runDir);
            }
            Path report = runDir.resolve(kind.reportFile());
            out.println();
            out.println(Files.exists(report) ? "Report: " + report : "No report under " + report.getParent()
                    + " (written elsewhere? pass --report-dir)");
            out.flush();
            return ExitCode.CONSISTENT;
        }
    }

    /** --report-dir when given, else the base directory the run recorded (cutover and gate runs do), else the default. */
    private Path base(JobExecution run) {
        if (reportDir != null) {
            return reportDir;
        }
        String recorded = run.getJobParameters().getString(CutoverLaunch.REPORT_DIR);
        return Path.of(recorded != null ? recorded : "reports");
    }

    private void tables(PrintWriter out, RunStore store) {
        List<TableSummary> tables = SummaryAssembler.tables(store.tables(runId), store.diffs(runId), store.shardRows(runId));
        String fmt = "%-32s  %12s  %12s  %7s  %8s  %8s  %8s  %s%n";
        out.printf(fmt, "TABLE", "SOURCE ROWS", "DEST ROWS", "CHUNKS", "MISSING", "EXTRA", "CHANGED", "STATUS");
        for (TableSummary t : tables) {
            out.printf(fmt, t.table(), t.sourceRows(), t.destinationRows(), t.chunks(), t.missing(), t.extra(),
                    t.changed(), t.status());
        }
    }

    /**
     * A cutover or gate run's steps across its executions (a resume is a new execution), the latest attempt of each, in
     * the order they ran; status and reason from the step's evidence file where it is found (a confirmed pause is PASS
     * there), else as the flow recorded them.
     */
    private static void steps(PrintWriter out, JobRepository repository, JobInstance instance, Path runDir) {
        java.util.Map<String, StepExecution> latest = new java.util.HashMap<>();
        for (JobExecution e : repository.getJobExecutions(instance)) {
            for (StepExecution s : repository.getJobExecution(e.getId()).getStepExecutions()) {
                latest.merge(s.getStepName(), s, (a, b) -> a.getId() > b.getId() ? a : b);
            }
        }
        String fmt = "%-24s  %-8s  %s%n";
        out.printf(fmt, "STEP", "STATUS", "REASON");
        latest.values().stream()
                .filter(s -> !s.getStepName().equals("done"))
                .sorted(java.util.Comparator.comparing(StepExecution::getId))
                .forEach(s -> {
                    java.util.Map<String, Object> evidence = Files.isDirectory(runDir)
                            ? EvidenceFiles.read(runDir, s.getStepName()).orElse(java.util.Map.of()) : java.util.Map.of();
                    out.printf(fmt, s.getStepName(), evidence.getOrDefault("status", s.getExitStatus().getExitCode()),
                            evidence.getOrDefault("reason", s.getExitStatus().getExitDescription()));
                });
    }
}
