package io.parity.cli;

import io.parity.core.KeyValues;
import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.repair.RepairDirection;
import io.parity.repair.RepairOptions;
import io.parity.repair.RepairRun;
import io.parity.repair.RepairSafety;
import io.parity.repair.TableRepair;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;
import io.parity.store.RunStore;
import io.parity.store.StoredDiff;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code parity repair}: repair and undo SQL for the differences of a verify run; applied only with --apply. */
@Command(name = "repair", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Write exact repair SQL and undo SQL for the differences a verify run found.",
                "",
                "Values are read fresh from the side being copied from, only for the differing keys. UPDATEs change",
                "only differing columns and, like DELETEs, only touch a row while it is exactly as it was read.",
                "Nothing is written to a database unless --apply is given; then the target is checked for triggers,",
                "cascading foreign keys, missing unique keys and replication first, the undo file is written before the",
                "first change, and the repaired keys are verified again afterwards.", ""},
        footer = {"", "Examples:",
                "  parity repair --job jobs/shop.yml                      # files for the job's latest run",
                "  parity repair --run 12 --direction to-source           # make the source equal to the destination",
                "  parity repair --run 12 --apply                         # apply, guarded, then re-verify",
                "  mariadb -h dst shop < reports/shop/12/repair/shop.orders.sql   # or apply a file yourself",
                "", "Files: <report-dir>/<job>/<run>/repair/<schema>.<table>.sql and .../undo/<schema>.<table>.sql",
                "Exit codes: 0 files written (or applied and re-verified consistent), 1 applied but differences remain,",
                "2 bad input or an unsafe target refused, 3 could not complete."})
public class RepairCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Which which;

    static class Which {
        @Option(names = "--run", paramLabel = "RUN_ID", description = "Verify run to repair.")
        Long run;

        @Option(names = "--job", paramLabel = "FILE", description = "Job spec; repairs its latest run.")
        Path job;
    }

    @Option(names = "--direction", paramLabel = "DIR", defaultValue = "to-destination",
            description = "to-destination (default): make the destination equal to the source; to-source: the reverse.")
    String direction;

    @Option(names = "--apply", description = "Apply the repair to the target database (default: only write files).")
    boolean apply;

    @Option(names = "--allow-triggers", description = "Apply even though the target table has triggers.")
    boolean allowTriggers;

    @Option(names = "--allow-cascades", description = "Apply even though child tables have cascading foreign keys.")
    boolean allowCascades;

    @Option(names = "--allow-no-key", description = "Apply even though the target has no unique key on the repair key.")
    boolean allowNoKey;

    @Option(names = "--allow-replica", description = "Apply even though the target server is a replica.")
    boolean allowReplica;

    @Option(names = "--no-binlog", description = "Apply with sql_log_bin = 0 so the changes do not replicate onwards (MySQL, MariaDB; refused on PostgreSQL, which has no such switch).")
    boolean noBinlog;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "200",
            description = "Statements per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory of reports (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL", description = "Job repository database.")
    String repositoryUrl;

    @Override
    public Integer call() {
        RepairDirection dir = RepairDirection.parse(direction);
        if (batchSize < 1) {
            throw ParityException.badInput("--batch-size: must be at least 1");
        }
        JobSpec given = which.job == null ? null : SpecLoader.fromSystemEnvironment().load(which.job);
        try (ParityRuntime runtime = ParityRuntime.start(RepositorySettings.resolve(repositoryUrl,
                given == null ? null : given.repository()))) {
            JobExecution run = RunLocator.completedRun(runtime.bean(JobRepository.class), which.run,
                    given == null ? null : given.name());
            long runId = run.getJobInstance().getInstanceId();
            JobSpec jobSpec = RunLocator.specOf(run, given, "run 'parity verify' again and repair that run");
            Map<String, List<KeyValues>> keys = new LinkedHashMap<>();
            for (StoredDiff d : runtime.bean(RunStore.class).diffs(runId)) {
                keys.computeIfAbsent(d.tableId(), k -> new ArrayList<>()).add(d.key());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (keys.isEmpty()) {
                out.println("Run " + runId + " found no differing rows: nothing to repair.");
                return ExitCode.CONSISTENT;
            }
            try (VerifyContext context = VerifyPreparation.prepare(jobSpec)) {
                RepairOptions options = new RepairOptions(dir, apply,
                        new RepairSafety.Overrides(allowTriggers, allowCascades, allowNoKey, allowReplica), noBinlog, batchSize);
                List<String> header = List.of("Parity " + ParityVersion.get() + " repair for run " + runId + " of job "
                        + jobSpec.name());
                List<TableRepair> results = new RepairRun(context, options,
                        reportDir.resolve(jobSpec.name()).resolve(Long.toString(runId)), header,
                        spec.commandLine().getErr()).execute(keys);
                return print(out, runId, results);
            }
        }
    }

    private int print(PrintWriter out, long runId, List<TableRepair> results) {
        out.printf("%nParity repair  run %d  direction %s%s%n%n", runId, direction, apply ? "  (applied)" : "");
        String row = "%-40s %8s %8s %8s %8s %8s %10s%n";
        out.printf(row, "TARGET TABLE", "DELETE", "UPDATE", "INSERT", "APPLIED", "SKIPPED", "REMAINING");
        boolean consistent = true;
        for (TableRepair r : results) {
            out.printf(row, r.target(), r.deletes(), r.updates(), r.inserts(), apply ? r.applied() : "-",
                    apply ? r.skipped() : "-", r.remaining() < 0 ? "-" : r.remaining());
            consistent &= r.remaining() <= 0 && r.skipped() == 0;
        }
        out.println();
        results.forEach(r -> out.println("  " + r.repairFile() + "\n  " + r.undoFile()));
        out.println();
        if (!apply) {
            out.println("Repair files written; nothing was applied. Review them, then apply with --apply or your SQL client.");
            return ExitCode.CONSISTENT;
        }
        out.println(consistent ? "REPAIRED: the repaired keys are consistent now."
                : "NOT CONSISTENT: some keys still differ (see skipped rows above); verify again and repair again.");
        return consistent ? ExitCode.CONSISTENT : ExitCode.DIFFERENCES;
    }
}
