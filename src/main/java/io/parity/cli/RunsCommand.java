package io.parity.cli;

import io.parity.core.ParityVersion;
import io.parity.report.SummaryAssembler;
import io.parity.report.TableSummary;
import io.parity.store.RunStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parity runs}: the runs the job repository holds, newest first, verify runs with their data verdict and cutover
 * and gate runs with their flow's outcome; {@code runs show <id>} for one.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        subcommands = RunsShowCommand.class,
        description = {"List runs from the job repository, newest first: id, job, status, verdict, start, duration.",
                "", "Status is Spring Batch's (COMPLETED, FAILED, STARTED...); the verdict is Parity's: for a verify run",
                "its data verdict (consistent, differences, incomplete), for a cutover or gate run the flow's outcome",
                "('cutover PASS', 'gate FAIL', 'cutover PAUSED', ERROR = could not measure). The id is what",
                "'parity repair --run', 'parity cutover resume --run' and 'parity runs show' take.", ""},
        footer = {"", "Examples:",
                "  parity runs",
                "  parity runs --job demo --limit 5",
                "  parity runs show 12",
                "  parity runs --repository-url jdbc:mysql://db:3306/parity   # a shared repository",
                "", "Exit codes: 0 listed, 2 bad input (repository unreachable), 3 could not complete."})
public class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "NAME", description = "Only runs of this job (the spec's name).")
    String jobName;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL",
            description = "Job repository database (default: H2 file under .parity/, or PARITY_REPOSITORY_URL).")
    String repositoryUrl;

    /** One listed run. */
    record Row(long id, String job, String status, String verdict, LocalDateTime started, String duration) {
    }

    @Override
    public Integer call() {
        try (ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl, null))) {
            List<Row> rows = rows(runtime.bean(JobRepository.class), runtime.bean(RunStore.class));
            PrintWriter out = spec.commandLine().getOut();
            if (rows.isEmpty()) {
                out.println("No runs in the job repository" + (jobName == null ? "" : " for job '" + jobName + "'")
                        + ". Start one with 'parity verify --job <spec>' or 'parity demo'.");
                return ExitCode.CONSISTENT;
            }
            String fmt = "%6s  %-20s  %-10s  %-15s  %-19s  %9s%n";
            out.printf(fmt, "RUN", "JOB", "STATUS", "VERDICT", "STARTED", "DURATION");
            for (Row r : rows) {
                out.printf(fmt, r.id(), r.job(), r.status(), r.verdict(),
                        r.started() == null ? "-" : r.started().withNano(0).toString().replace('T', ' '), r.duration());
            }
            out.flush();
            return ExitCode.CONSISTENT;
        }
    }

    private List<Row> rows(JobRepository repository, RunStore store) {
        List<Row> rows = new ArrayList<>();
        List<String> jobs = jobName != null ? List.of(jobName) : repository.getJobNames();
        for (String job : jobs) {
            for (JobInstance instance : repository.getJobInstances(job, 0, limit)) {
                JobExecution last = repository.getLastJobExecution(instance);
                if (last != null) {
                    rows.add(row(instance, last, store, repository));
                }
            }
        }
        rows.sort(Comparator.comparing(Row::started, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Comparator.comparingLong(Row::id).reversed()));
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    static Row row(JobInstance instance, JobExecution last, RunStore store, JobRepository repository) {
        long id = instance.getInstanceId();
        RunKind kind = RunKind.of(instance.getJobName(), last);
        String verdict = kind.verify() ? verdict(id, last, store)
                : kind.kind() + " " + RunKind.outcome(repository.getJobExecution(last.getId()));
        return new Row(id, instance.getJobName(), last.getStatus().name(), verdict, last.getStartTime(), duration(last));
    }

    /**
     * The verdict the run's report shows, recomputed from the run store's per-table totals; "-" while it runs. Row
     * differences are not loaded: a table has differing rows only where it has mismatched chunks, which the totals
     * carry, so listing many large runs stays cheap.
     */
    static String verdict(long runId, JobExecution last, RunStore store) {
        if (last.getStatus().isRunning()) {
            return "-";
        }
        List<TableSummary> tables = SummaryAssembler.tables(store.tables(runId), List.of());
        return SummaryAssembler.verdict(tables, last.getStatus() == BatchStatus.COMPLETED).label();
    }

    static String duration(JobExecution e) {
        if (e.getStartTime() == null) {
            return "-";
        }
        LocalDateTime end = e.getEndTime() != null ? e.getEndTime() : LocalDateTime.now();
        long ms = Duration.between(e.getStartTime(), end).toMillis();
        return ms < 60_000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0)
                : String.format(java.util.Locale.ROOT, "%d:%02d min", ms / 60_000, ms / 1000 % 60);
    }
}
