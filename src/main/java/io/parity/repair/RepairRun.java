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

    /** One repair script: a table on one target database (a shard, with a sharded side), with the keys it covers. */
    private record Unit(TablePlan plan, RepairScript script, SideConnection target, io.parity.spec.Endpoint endpoint,
                        String prefix, List<KeyValues> keys) {
    }

    public List<TableRepair> execute(Map<String, List<KeyValues>> keysByTable) {
        List<Unit> units = new ArrayList<>();
        for (Map.Entry<String, List<KeyValues>> e : keysByTable.entrySet()) {
            TablePlan plan = context.plan(e.getKey());
            if (!plan.comparable()) {
                continue;
            }
            if (context.shards().isPresent()) {
                units.addAll(sharded(plan, e.getValue(), context.shards().get()));
            } else {
                boolean toSource = options.direction().target() == io.parity.core.Side.SOURCE;
                units.add(new Unit(plan, script(plan, e.getValue()), side(toSource), toSource ? context.spec().source()
                        : context.spec().destination(), "", e.getValue()));
            }
        }
        SideConnection target = side(options.direction().target() == io.parity.core.Side.SOURCE);
        if (options.apply() && options.noBinlog() && target.engine().repair().withoutReplication().isEmpty()) {
            throw ParityException.badInput("--no-binlog: the " + target.side().label() + " (" + target.engine().family()
                    + ") has no per-session switch that keeps changes out of its replication; drop --no-binlog, or"
                    + " pause the replication yourself while repairing; nothing was written");
        }
        if (options.apply()) {
            Map<SideConnection, List<Unit>> byTarget = new LinkedHashMap<>();
            units.forEach(u -> byTarget.computeIfAbsent(u.target(), k -> new ArrayList<>()).add(u));
            List<String> problems = new ArrayList<>();
            byTarget.forEach((t, us) -> problems.addAll(new RepairSafety(t).problems(us.stream()
                    .filter(u -> !u.script().actions().isEmpty()).map(u -> u.script().table()).toList(),
                    options.overrides())));
            if (!problems.isEmpty()) {
                throw ParityException.badInput("refusing to apply: " + String.join("\n", problems)
                        + "\nnothing was written; the repair files can still be generated without --apply");
            }
        }
        List<TableRepair> results = new ArrayList<>();
        for (Unit u : units) {
            results.add(repair(u));
        }
        return results;
    }

    /**
     * A table of a sharded side: each key goes to the shard that holds it. Repairing the single side, the rows are
     * read from that shard (a key no shard holds is read from none, so the single side's row is deleted); repairing
     * the shards, each shard gets its keys, and a key no shard holds goes to the shard whose {@code where} selects
     * the row. A key held by two shards, or that no shard's condition claims, is skipped and said.
     */
    private List<Unit> sharded(TablePlan plan, List<KeyValues> keys, io.parity.shard.ShardSet shards) {
        io.parity.core.Side targetSide = options.direction().target();
        boolean toShards = targetSide == shards.side();
        SideConnection single = context.single();
        SideTable singleTable = shards.side() == io.parity.core.Side.SOURCE ? plan.destination() : plan.source();
        List<SideTable> tables = shards.tables(plan.id());
        io.parity.shard.ShardRecheck recheck = new io.parity.shard.ShardRecheck(plan, shards, single);
        Map<KeyValues, List<Integer>> holders = recheck.holders(keys);
        Map<Integer, List<KeyValues>> routed = new java.util.TreeMap<>();
        for (Map.Entry<KeyValues, List<Integer>> h : holders.entrySet()) {
            int shard;
            if (h.getValue().size() > 1) {
                log.println("parity: skipped key " + h.getKey() + " of " + plan.id() + ": held by shards "
                        + h.getValue().stream().map(i -> shards.shards().get(i).name()).toList()
                        + "; a row belongs to one shard: delete it from the others by hand, then repair again");
                continue;
            } else if (h.getValue().size() == 1) {
                shard = h.getValue().get(0);
            } else if (!toShards) {
                shard = 0; // no shard holds it: read from any shard (none has it), so the single side's row goes
            } else {
                shard = recheck.ownerByWhere(h.getKey());
                if (shard < 0) {
                    log.println("parity: skipped key " + h.getKey() + " of " + plan.id() + ": no shard holds it and"
                            + " no single shard's where selects it; give the shards where conditions, or insert it by hand");
                    continue;
                }
            }
            routed.computeIfAbsent(shard, k -> new ArrayList<>()).add(h.getKey());
        }
        List<Unit> units = new ArrayList<>();
        if (toShards) {
            for (Map.Entry<Integer, List<KeyValues>> r : routed.entrySet()) {
                io.parity.shard.ShardSet.Shard shard = shards.shards().get(r.getKey());
                SideTable targetTable = tables.get(r.getKey());
                List<RepairAction> actions = new RepairPlanner(single, singleTable, shard.connection(), targetTable,
                        true).plan(r.getValue());
                units.add(new Unit(plan, new RepairScript(targetTable, shard.connection().engine().repair(), actions,
                        options.batchSize(), maxStatementBytes(shard.connection())), shard.connection(),
                        context.spec().shards().shards().get(r.getKey()).endpoint(), shard.name() + ".", r.getValue()));
            }
            return units;
        }
        List<RepairAction> actions = new ArrayList<>();
        List<KeyValues> covered = new ArrayList<>();
        for (Map.Entry<Integer, List<KeyValues>> r : routed.entrySet()) {
            io.parity.shard.ShardSet.Shard shard = shards.shards().get(r.getKey());
            actions.addAll(new RepairPlanner(shard.connection(), tables.get(r.getKey()), single, singleTable, true)
                    .plan(r.getValue()));
            covered.addAll(r.getValue());
        }
        actions.sort(java.util.Comparator.comparing(RepairAction::kind));
        io.parity.spec.Endpoint endpoint = targetSide == io.parity.core.Side.SOURCE ? context.spec().source()
                : context.spec().destination();
        units.add(new Unit(plan, new RepairScript(singleTable, single.engine().repair(), actions, options.batchSize(),
                maxStatementBytes(single)), single, endpoint, "", covered));
        return units;
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

    private TableRepair repair(Unit unit) {
        TablePlan plan = unit.plan();
        RepairScript script = unit.script();
        List<KeyValues> keys = unit.keys();
        String name = unit.prefix() + script.table().ref();
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
        try (SideConnection writer = SideConnection.openWritable(options.direction().target(), unit.endpoint())) {
            progress = new RepairApplier(writer, options.noBinlog()).apply(script, p -> record(progressFile, script, p));
        }
        progress.skipped().forEach(a -> log.println("parity: skipped " + a.kind().name().toLowerCase() + " of "
                + name + " key " + a.key() + ": the row changed since it was read (its guard did not match)"));
        RepairScript applied = script.only(progress.applied());
        write(undoFile, applied.undo().render(header(plan, applied.undo(), "undo")));
        List<RowDiff> remaining = context.shards().isPresent()
                ? new io.parity.shard.ShardRecheck(plan, context.shards().get(), context.single()).remaining(keys)
                : new io.parity.reconcile.KeyRecheck(plan, context.source(), context.destination()).remaining(keys);
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
