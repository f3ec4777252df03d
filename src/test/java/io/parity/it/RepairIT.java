package io.parity.it;

import io.parity.connect.SideConnection;
import io.parity.core.KeyValues;
import io.parity.core.Side;
import io.parity.repair.RepairAction;
import io.parity.repair.RepairApplier;
import io.parity.repair.RepairPlanner;
import io.parity.repair.RepairScript;
import io.parity.schema.TablePlan;
import io.parity.spec.SpecLoader;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify -> repair -> verify converges on every difference kind of {@link RowEncodingIT}, in both directions, through
 * the files applied with the mariadb client and through --apply; undo restores the pre-repair target exactly; guards
 * skip rows changed after they were read; unsafe targets are refused.
 */
class RepairIT {

    static final String SRC = "pit_rep_src";
    static final String DST = "pit_rep_dst";
    static final String SNAP = "pit_rep_snap";

    @TempDir
    Path dir;

    /** Cases whose table definitions differ keep a schema finding after repair; they have their own test. */
    static final List<String> SCHEMA_DIFFERS = List.of("duplicate_rows", "latin1_vs_utf8mb4");

    static List<RowEncodingIT.Case> cases(boolean schemaDiffers) {
        return RowEncodingIT.cases().stream().filter(c -> SCHEMA_DIFFERS.contains(c.table()) == schemaDiffers)
                .filter(c -> schemaDiffers || c.ddl().equals(c.dstDdl()) || c.table().equals("partitioned")).toList();
    }

    /** Columns widened on the destination (types differ, values compared as values); narrowings cannot be repaired. */
    static List<RowEncodingIT.Case> widened() {
        return RowEncodingIT.cases().stream().filter(c -> !c.ddl().equals(c.dstDdl()))
                .filter(c -> !SCHEMA_DIFFERS.contains(c.table()) && !c.table().startsWith("narrowed")
                        && !c.table().equals("generated_columns") && !c.table().equals("partitioned")).toList();
    }

    /** Builds drifted databases and a snapshot copy of the side that will be repaired. */
    static void build(boolean toSource) {
        build(toSource, cases(false));
    }

    static void build(boolean toSource, List<RowEncodingIT.Case> cases) {
        RowEncodingIT.build(SRC, DST, cases);
        TestDatabase db = TestDatabase.get();
        db.recreate(SNAP);
        String target = toSource ? SRC : DST;
        for (RowEncodingIT.Case c : cases) {
            // a non-strict session, so the copy of a generated column is ignored instead of refused
            db.execute("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'",
                    "CREATE TABLE " + SNAP + ".`" + c.table() + "` LIKE " + target + ".`" + c.table() + "`",
                    "INSERT INTO " + SNAP + ".`" + c.table() + "` SELECT * FROM " + target + ".`" + c.table() + "`");
        }
    }

    Path spec(String name, String src, String dst) {
        return SpecFiles.write(dir, name, src, dst, "tables:\n  - include: \"*\"\noptions:\n  chunk-rows: 1000\n");
    }

    CliRun parity(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--report-dir", dir.resolve("reports").toString()));
        return CliRun.run(dir, all.toArray(String[]::new));
    }

    @Test
    void repairFilesAppliedWithTheClientConvergeAndUndoRestoresTheDestination() throws Exception {
        build(false);
        Path spec = spec("files", SRC, DST);
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);
        CliRun repair = parity("repair", "--job", spec.toString());
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("nothing was applied");
        Path runDir = dir.resolve("reports/files/1");
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).as("files alone change nothing").isEqualTo(1);

        applyAll(runDir.resolve("repair"));
        CliRun after = parity("verify", "--job", spec.toString());
        assertThat(after.exitCode()).as(after.out()).isZero();

        applyAll(runDir.resolve("undo"));
        CliRun restored = parity("verify", "--job", spec("restored", SNAP, DST).toString());
        assertThat(restored.exitCode()).as(restored.out()).isZero();
    }

    @Test
    void applyConvergesToDestination() {
        build(false);
        Path spec = spec("apply", SRC, DST);
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);
        CliRun repair = parity("repair", "--job", spec.toString(), "--apply", "--batch-size", "7");
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        assertThat(repair.out()).contains("REPAIRED");
        CliRun after = parity("verify", "--job", spec.toString());
        assertThat(after.exitCode()).as(after.out()).isZero();
    }

    @Test
    void duplicatesAndCharsetDifferencesRepairToZeroDifferingRows() {
        build(false, cases(true));
        Path spec = spec("schema", SRC, DST);
        assertThat(parity("verify", "--job", spec.toString()).out()).contains("DIFFERENCES FOUND: 2 rows differ");
        CliRun refused = parity("repair", "--job", spec.toString(), "--apply");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("duplicate_rows has no unique key on [id]").contains("--allow-no-key");

        CliRun repair = parity("repair", "--job", spec.toString(), "--apply", "--allow-no-key");
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        CliRun after = parity("verify", "--job", spec.toString());
        assertThat(after.out()).contains("DIFFERENCES FOUND: 0 rows differ, 2 schema findings");
    }

    @Test
    void widenedColumnsRepairToZeroDifferingRowsAndKeepTheirTypeFindings() throws Exception {
        build(false, widened());
        Path spec = spec("widened", SRC, DST);
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);
        CliRun repair = parity("repair", "--job", spec.toString());
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        applyAll(dir.resolve("reports/widened/1/repair"));
        CliRun after = parity("verify", "--job", spec.toString());
        assertThat(after.out()).contains("DIFFERENCES FOUND: 0 rows differ, 14 schema findings");
    }

    @Test
    void applyConvergesToSourceAndUndoRestoresIt() throws Exception {
        build(true);
        Path spec = spec("reverse", SRC, DST);
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);
        CliRun repair = parity("repair", "--job", spec.toString(), "--apply", "--direction", "to-source");
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isZero();

        applyAll(dir.resolve("reports/reverse/1/undo"));
        CliRun restored = parity("verify", "--job", spec("restored-source", SNAP, SRC).toString());
        assertThat(restored.exitCode()).as(restored.out()).isZero();
    }

    @Test
    void aRowChangedAfterItWasReadIsSkippedByItsGuard() throws Exception {
        build(false);
        try (VerifyContext ctx = VerifyPreparation.prepare(SpecLoader.fromSystemEnvironment().load(spec("guard", SRC, DST)))) {
            TablePlan plan = ctx.plan(SRC + ".swapped_values");
            List<RepairAction> actions = new RepairPlanner(ctx.source(), plan.source(), ctx.destination(),
                    plan.destination()).plan(List.of(KeyValues.of(1L), KeyValues.of(2L)));
            assertThat(actions).extracting(RepairAction::kind).containsOnly(RepairAction.Kind.UPDATE).hasSize(2);

            TestDatabase.get().execute("UPDATE " + DST + ".swapped_values SET v = 99 WHERE id = 2");
            RepairScript script = new RepairScript(plan.destination(), ctx.destination().engine().repair(), actions, 10);
            try (SideConnection writer = SideConnection.openWritable(Side.DESTINATION, ctx.spec().destination())) {
                RepairApplier.Progress progress = new RepairApplier(writer, false).apply(script, p -> { });
                assertThat(progress.applied()).extracting(RepairAction::key).containsExactly(KeyValues.of(1L));
                assertThat(progress.skipped()).extracting(RepairAction::key).containsExactly(KeyValues.of(2L));
            }
        }
        try (var c = TestDatabase.get().connect(DST); var rs = c.createStatement()
                .executeQuery("SELECT id, v FROM swapped_values ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + "=" + rs.getInt(2));
            }
            assertThat(rows).containsExactly("1=10", "2=99");
        }
    }

    @Test
    void triggersAndCascadingChildrenAreRefusedUnlessOverridden() {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d, "CREATE TABLE parent (id INT PRIMARY KEY, v INT)",
                    "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parent (id)"
                            + " ON DELETE CASCADE)",
                    "CREATE TABLE audited (id INT PRIMARY KEY, v INT)", "CREATE TABLE audit_log (n INT)",
                    "INSERT INTO parent VALUES (1, 1), (2, 2)", "INSERT INTO audited VALUES (1, 1)");
        }
        db.execute("USE " + DST, "UPDATE parent SET v = 5 WHERE id = 2", "UPDATE audited SET v = 5",
                "CREATE TRIGGER audited_au AFTER UPDATE ON audited FOR EACH ROW INSERT INTO audit_log VALUES (NEW.id)");
        Path spec = SpecFiles.write(dir, "unsafe", SRC, DST, "tables: [parent, audited]\n");
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);

        CliRun refused = parity("repair", "--job", spec.toString(), "--apply");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("audited has triggers [audited_au]").contains("--allow-triggers")
                .contains("parent is the parent of cascading foreign keys [" + DST + ".child").contains("--allow-cascades")
                .contains("nothing was written");
        assertThat(dir.resolve("reports/unsafe/1/repair")).doesNotExist();
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).as("still differs: nothing applied").isEqualTo(1);

        CliRun allowed = parity("repair", "--job", spec.toString(), "--apply", "--allow-triggers", "--allow-cascades");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isZero();
    }

    @Test
    void unknownRunAndChangedSpecAreBadInput() throws IOException {
        build(false);
        CliRun unknown = parity("repair", "--run", "4242");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("run 4242 is not in the job repository");
        Path spec = spec("changed", SRC, DST);
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);
        Files.writeString(spec, Files.readString(spec) + "  parallelism: 1\n");
        CliRun changed = parity("repair", "--job", spec.toString());
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("changed since run 1 was started");
    }

    /** Applies every .sql file of a folder with the mariadb command-line client, as a DBA would. */
    static void applyAll(Path folder) throws Exception {
        TestDatabase db = TestDatabase.get();
        String hostPort = db.url("").replaceFirst("^jdbc:mysql://", "").replaceFirst("/.*$", "");
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "3306";
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                ProcessBuilder pb = new ProcessBuilder("mariadb", "-h", host, "-P", port, "-u", db.user())
                        .redirectInput(f.toFile()).redirectErrorStream(true)
                        .redirectOutput(File.createTempFile("mariadb", ".log"));
                pb.environment().put("MYSQL_PWD", db.password());
                Process p = pb.start();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as("mariadb < " + f).isZero();
            }
        }
    }
}
