package io.parity.repair;

import io.parity.connect.SideConnection;
import io.parity.core.KeyValues;
import io.parity.core.ParityException;
import io.parity.core.PrivateFiles;
import io.parity.core.RowDiff;
import io.parity.schema.SideTable;
import io.parity.schema.TablePlan;
import io.parity.verify.VerifyContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One repair of a verify run: plan every table from fresh reads, write the repair and undo files, and, when asked,
 * check safety, apply, and re-verify the repaired keys. Files are written before the first change; after applying,
 * the undo file is rewritten to hold only the inverses of what was applied.
 */
public final class RepairRun {

    private final VerifyContext context;
    private final RepairOptions options;
    private final Path runDir;
    private final List<String> runHeader;
    private final PrintWriter log;

    public RepairRun(VerifyContext context, RepairOptions options, Path runDir, List<String> runHeader, PrintWriter log) {
        this.context = context;
        this.options = options;
        this.runDir = runDir;
        this.runHeader = List.copyOf(runHeader);
        this.log = log;
    }

    public List<TableRepair> execute(Map<String, List<KeyValues>> keysByTable) {
        Map<TablePlan, RepairScript> scripts = new LinkedHashMap<>();
        for (Map.Entry<String, List<KeyValues>> e : keysByTable.entrySet()) {
            TablePlan plan = context.plan(e.getKey());
            if (!plan.comparable()) {
                continue;
            }
            scripts.put(plan, script(plan, e.getValue()));
        }
        SideConnection target = side(options.direction().target() == io.parity.core.Side.SOURCE);
        if (options.apply() && options.noBinlog() && target.engine().repair().withoutReplication().isEmpty()) {
            throw ParityException.badInput("--no-binlog: the " + target.side().label() + " (" + target.engine().family()
                    + ") has no per-session switch that keeps changes out of its replication; drop --no-binlog, or"
                    + " pause the replication yourself while repairing; nothing was written");
        }
        if (options.apply()) {
            List<String> problems = new RepairSafety(target).problems(
                    scripts.values().stream().filter(s -> !s.actions().isEmpty()).map(RepairScript::table).toList(),
                    options.overrides());
            if (!problems.isEmpty()) {
                throw ParityException.badInput("refusing to apply: " + String.join("\n", problems)
                        + "\nnothing was written; the repair files can still be generated without --apply");
            }
        }
        List<TableRepair> results = new ArrayList<>();
        for (Map.Entry<TablePlan, RepairScript> e : scripts.entrySet()) {
            results.add(repair(e.getKey(), e.getValue(), keysByTable.get(e.getKey().id())));
        }
        return results;
    }

    private RepairScript script(TablePlan plan, List<KeyValues> keys) {
        boolean toSource = options.direction().target() == io.parity.core.Side.SOURCE;
        SideTable fromTable = toSource ? plan.destination() : plan.source();
        SideTable targetTable = toSource ? plan.source() : plan.destination();
        List<RepairAction> actions = new RepairPlanner(side(!toSource), fromTable, side(toSource), targetTable,
                plan.keyBytesOrder()).plan(keys);
        return new RepairScript(targetTable, side(toSource).engine().repair(), actions, options.batchSize(),
                maxStatementBytes(side(toSource)));
    }

    /**
     * The longest statement the target accepts: its {@code max_allowed_packet}, read once per table repair, so
     * statements written to files and applied with {@code --apply} both fit.
     */
    private static int maxStatementBytes(SideConnection target) {
        java.util.Optional<String> query = target.engine().repair().maxStatementBytes();
        if (query.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        try (java.sql.Connection c = target.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(query.get())) {
            return rs.next() ? (int) Math.min(Integer.MAX_VALUE, rs.getLong(1)) : Integer.MAX_VALUE;
        } catch (java.sql.SQLException e) {
            throw io.parity.connect.ConnectionErrors.during("reading the largest statement it accepts",
                    target.side(), e);
        }
    }

    private SideConnection side(boolean source) {
        return source ? context.source() : context.destination();
    }

    private TableRepair repair(TablePlan plan, RepairScript script, List<KeyValues> keys) {
        String name = script.table().ref().toString();
        Path repairFile = runDir.resolve("repair").resolve(name + ".sql");
        Path undoFile = runDir.resolve("undo").resolve(name + ".sql");
        write(repairFile, script.render(header(plan, script, "repair")));
        write(undoFile, script.undo().render(header(plan, script.undo(), "undo")));
        if (!options.apply() || script.actions().isEmpty()) {
            return new TableRepair(plan.id(), name, script.count(RepairAction.Kind.DELETE),
                    script.count(RepairAction.Kind.UPDATE), script.count(RepairAction.Kind.INSERT), repairFile, undoFile,
                    0, 0, options.apply() ? 0 : -1);
        }
        Path progressFile = runDir.resolve("repair").resolve(name + ".progress.json");
        RepairApplier.Progress progress;
        try (SideConnection writer = SideConnection.openWritable(options.direction().target(),
                options.direction().target() == io.parity.core.Side.SOURCE ? context.spec().source()
                        : context.spec().destination())) {
            progress = new RepairApplier(writer, options.noBinlog()).apply(script, p -> record(progressFile, script, p));
        }
        progress.skipped().forEach(a -> log.println("parity: skipped " + a.kind().name().toLowerCase() + " of "
                + name + " key " + a.key() + ": the row changed since it was read (its guard did not match)"));
        RepairScript applied = script.only(progress.applied());
        write(undoFile, applied.undo().render(header(plan, applied.undo(), "undo")));
        List<RowDiff> remaining = new io.parity.reconcile.KeyRecheck(plan, context.source(), context.destination()).remaining(keys);
        return new TableRepair(plan.id(), name, script.count(RepairAction.Kind.DELETE),
                script.count(RepairAction.Kind.UPDATE), script.count(RepairAction.Kind.INSERT), repairFile, undoFile,
                progress.applied().size(), progress.skipped().size(), remaining.size());
    }

    private List<String> header(TablePlan plan, RepairScript script, String what) {
        List<String> lines = new ArrayList<>(runHeader);
        lines.add("table: " + plan.source().ref() + " (source) / " + plan.destination().ref() + " (destination)");
        String purpose = options.direction() == RepairDirection.TO_DESTINATION
                ? "make the destination equal to the source" : "make the source equal to the destination";
        lines.add("undo".equals(what)
                ? "undo of the repair of " + script.table().ref() + " (" + options.direction().label()
                        + "): puts back every row the repair changes; apply only after the repair"
                : "repair of " + script.table().ref() + ", direction " + options.direction().label() + " (" + purpose + ")");
        lines.add("statements: " + script.count(RepairAction.Kind.DELETE) + " DELETE, " + script.count(RepairAction.Kind.UPDATE)
                + " UPDATE, " + script.count(RepairAction.Kind.INSERT) + " INSERT in " + script.transactions().size()
                + " transaction(s) of at most " + options.batchSize());
        lines.add("generated " + Instant.now() + ". Values were read fresh from both sides. Every UPDATE and DELETE only");
        lines.add("touches the row while it is exactly as read: a row changed since is left alone (0 rows affected).");
        return lines;
    }

    private void record(Path file, RepairScript script, RepairApplier.Progress p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("table", script.table().ref().toString());
        json.put("committedTransactions", p.committedTransactions());
        json.put("totalTransactions", script.transactions().size());
        json.put("applied", p.applied().size());
        json.put("skipped", p.skipped().stream().map(a -> a.kind() + " " + a.key()).toList());
        write(file, JsonMapper.builder().build().writeValueAsString(json) + "\n");
    }

    private static void write(Path file, String text) {
        try {
            PrivateFiles.write(file, text); // full row images: never readable by others
        } catch (IOException e) {
            throw new ParityException(io.parity.core.Failure.INCOMPLETE, "cannot write " + file + " (" + e.getMessage()
                    + "); choose a writable --report-dir", e);
        }
    }
}
