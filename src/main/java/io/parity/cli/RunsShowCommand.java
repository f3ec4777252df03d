package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.report.SummaryAssembler;
import io.parity.report.TableSummary;
import io.parity.store.RunStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
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

/** {@code parity runs show <id>}: one run's status, verdict, spec and per-table results, and where its report is. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Show one verify run: status, verdict, times, the spec it ran, per-table results and report path.", ""},
        footer = {"", "Examples:",
                "  parity runs show 12",
                "  parity runs show 12 --report-dir /var/lib/parity/reports",
                "", "Exit codes: 0 shown, 2 unknown run or repository unreachable, 3 could not complete."})
public class RunsShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "The run id, as 'parity runs' lists it.")
    long runId;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory of reports (default: ${DEFAULT-VALUE}).")
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
            RunsCommand.Row row = RunsCommand.row(instance, last, store);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Run %d of job %s%n", runId, row.job());
            out.printf("  status     %s%n  verdict    %s%n  started    %s%n  duration   %s%n", row.status(), row.verdict(),
                    row.started() == null ? "-" : row.started().withNano(0).toString().replace('T', ' '), row.duration());
            out.printf("  spec       %s%n  sha256     %s%n", last.getJobParameters().getString("spec.path"),
                    last.getJobParameters().getString("spec.sha256"));
            List<TableSummary> tables = SummaryAssembler.tables(store.tables(runId), store.diffs(runId), store.shardRows(runId));
            out.println();
            String fmt = "%-32s  %12s  %12s  %7s  %8s  %8s  %8s  %s%n";
            out.printf(fmt, "TABLE", "SOURCE ROWS", "DEST ROWS", "CHUNKS", "MISSING", "EXTRA", "CHANGED", "STATUS");
            for (TableSummary t : tables) {
                out.printf(fmt, t.table(), t.sourceRows(), t.destinationRows(), t.chunks(), t.missing(), t.extra(),
                        t.changed(), t.status());
            }
            Path report = ReportFiles.report(reportDir.resolve(row.job()).resolve(Long.toString(runId)));
            out.println();
            out.println(Files.exists(report) ? "Report: " + report : "No report under " + report.getParent()
                    + " (written elsewhere? pass --report-dir)");
            out.flush();
            return ExitCode.CONSISTENT;
        }
    }
}
