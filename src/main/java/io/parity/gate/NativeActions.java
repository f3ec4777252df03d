package io.parity.gate;

import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.engine.ActionSql;
import io.parity.engine.SqlStatement;
import io.parity.spec.ActionStep;
import io.parity.spec.GateSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native actions of the runbook, which run SQL Parity writes itself: {@code read-only}, {@code stop-replication},
 * {@code start-reverse-replication}, {@code revoke-grants}. Each reads the state it changes before and after, records
 * the statements it ran (a password as {@code '******'}) and the statements that undo it, and ends PASS only when the
 * state after is the one asked for. With {@code dryRun} nothing is written: the statements it would run are recorded.
 * None of the statements replicates: global settings and replication commands stay on their server, and account
 * changes run after {@code SET SESSION sql_log_bin = 0} where the engine has it (see the {@code grants} gate).
 */
public final class NativeActions {

    private final GateContext context;

    public NativeActions(GateContext context) {
        this.context = context;
    }

    /** The evidence fields of running (or, with {@code dryRun}, planning) {@code step}; {@code status} among them. */
    public Map<String, Object> run(ActionStep step, boolean dryRun) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("dry_run", dryRun);
        e.put("replicates", replicates(step.kind()));
        switch (step.kind()) {
            case READ_ONLY -> readOnly(step.settings(), dryRun, e);
            case STOP_REPLICATION -> stopReplication(step.settings(), dryRun, e);
            case START_REPLICATION -> startReplication(step.settings(), dryRun, e);
            case START_REVERSE_REPLICATION -> startReverse(step, dryRun, e);
            case REVOKE_GRANTS -> revoke(step.settings(), dryRun, e);
            case REPAIR -> {
                e.put("side", "direction " + step.settings().string("direction", "to-source"));
                e.put("statements", List.of("(verify, then repair SQL written" + ("true".equals(step.settings()
                        .string("apply", "false")) ? " and applied" : ", not applied") + ")"));
                planned(e, List.of("a verify and a repair of its differences"));
            }
            default -> throw new IllegalArgumentException(step.kind() + " is not a native action");
        }
        return e;
    }

    /** Whether the statements of {@code kind} travel through replication, and why, as the evidence says it. */
    static String replicates(ActionStep.Kind kind) {
        return switch (kind) {
            case READ_ONLY -> "no: a global setting stays on its server (on PostgreSQL, ALTER DATABASE is not"
                    + " published to subscribers)";
            case STOP_REPLICATION, START_REPLICATION, START_REVERSE_REPLICATION -> "no: replication commands are not"
                    + " written to the binary log";
            case REVOKE_GRANTS -> "no: run after SET SESSION sql_log_bin = 0 (PostgreSQL does not replicate roles),"
                    + " so the REVOKE never reaches a server without the account";
            case REPAIR -> "yes: repaired rows stay in the binary log, so a replica of the repaired server follows";
            default -> "";
        };
    }

    private static Side side(GateSettings s, String fallback) {
        return "source".equals(s.string("side", fallback)) ? Side.SOURCE : Side.DESTINATION;
    }

    private ActionSql actions(Side side) {
        return context.on(side, "reading the engine", (c, sql) -> sql.cutover().actions().orElseThrow(() ->
                ParityException.badInput("the " + side.label() + "'s engine has no native cutover actions; use"
                        + " 'action: command' instead")));
    }

    // read-only ------------------------------------------------------------------------------------------------------

    private void readOnly(GateSettings s, boolean dryRun, Map<String, Object> e) {
        Side side = side(s, "source");
        boolean on = "on".equals(s.string("value", "on"));
        ActionSql sql = actions(side);
        String database = context.on(side, "reading the database", (c, g) -> c.getCatalog() != null
                && !c.getCatalog().isEmpty() ? c.getCatalog() : c.getSchema());
        Map<String, Object> before = readOnlyState(side);
        List<String> statements = sql.readOnly(on, database);
        boolean wasOn = truthy(before.get("read_only")) || truthy(before.get("super_read_only"));
        List<String> undo = sql.readOnly(wasOn, database);
        e.put("side", side.label());
        e.put("value", on ? "on" : "off");
        e.put("before", before);
        e.put("statements", statements);
        e.put("undo", undo);
        if (dryRun) {
            planned(e, statements);
            return;
        }
        execute(side, statements.stream().map(SqlStatement::of).toList(), "setting read-only");
        Map<String, Object> after = readOnlyState(side);
        e.put("after", after);
        boolean isOn = truthy(after.get("read_only")) || truthy(after.get("super_read_only"));
        boolean ok = on == isOn;
        e.put("status", ok ? StepStatus.PASS.name() : StepStatus.FAIL.name());
        e.put("reason", (ok ? "" : "still ") + "the " + side.label() + " is " + (isOn ? "read-only" : "writable") + " ("
                + after + ")");
    }

    private Map<String, Object> readOnlyState(Side side) {
        return context.on(side, "reading its read-only setting", (c, sql) -> {
            Map<String, Object> state = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.replication().readOnly())) {
                if (rs.next()) {
                    state.put("read_only", rs.getString(1));
                    state.put("super_read_only", rs.getString(2));
                }
            }
            return state;
        });
    }

    private static boolean truthy(Object v) {
        String s = String.valueOf(v).toLowerCase(java.util.Locale.ROOT);
        return s.equals("1") || s.equals("on") || s.equals("true") || s.equals("t") || s.equals("yes");
    }

    // stop-replication -----------------------------------------------------------------------------------------------

    private void stopReplication(GateSettings s, boolean dryRun, Map<String, Object> e) {
        Side side = side(s, "destination");
        ActionSql sql = actions(side);
        ReplicaStatus before = nativeReplica(side, e, "does not replicate natively: nothing to stop (stop an external"
                + " replicator with 'action: command')");
        if (before == null) {
            return;
        }
        boolean standby = "standby".equals(before.kind());
        List<String> subscriptions = subscriptions(side, sql);
        List<String> statements = sql.stopReplication(standby, subscriptions);
        e.put("statements", statements);
        e.put("undo", sql.startReplication(standby, subscriptions));
        if (dryRun) {
            planned(e, statements);
            return;
        }
        execute(side, statements.stream().map(SqlStatement::of).toList(), "stopping replication");
        ReplicaStatus after = ReplicaStatus.read(context, side);
        String position = context.on(side, "reading its replication position", (c, g) -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(g.replication().gtidPosition())) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        e.put("after", after.values());
        e.put("final_position", position);
        boolean stopped = !"Yes".equalsIgnoreCase(after.sqlRunning());
        e.put("status", stopped ? StepStatus.PASS.name() : StepStatus.FAIL.name());
        e.put("reason", stopped ? "replication into the " + side.label() + " stopped at " + position
                : "replication into the " + side.label() + " still runs: " + after.describe());
    }

    /**
     * Starts the replication that is configured into {@code side} (what {@code stop-replication} stopped): the way
     * back re-points the forward direction with it. Passes once both replica threads run.
     */
    private void startReplication(GateSettings s, boolean dryRun, Map<String, Object> e) {
        Side side = side(s, "destination");
        ActionSql sql = actions(side);
        ReplicaStatus before = nativeReplica(side, e, "has no native replication configured to start");
        if (before == null) {
            return;
        }
        boolean standby = "standby".equals(before.kind());
        List<String> subscriptions = standby ? List.of() : disabledSubscriptions(side, sql);
        List<String> statements = sql.startReplication(standby, subscriptions);
        e.put("statements", statements);
        e.put("undo", sql.stopReplication(standby, subscriptions));
        if (dryRun) {
            planned(e, statements);
            return;
        }
        execute(side, statements.stream().map(SqlStatement::of).toList(), "starting replication");
        Duration wait = s.duration("wait", Duration.ofSeconds(30));
        ReplicaStatus after = awaitRunning(side, wait);
        e.put("after", after.values());
        e.put("status", after.running() ? StepStatus.PASS.name() : StepStatus.FAIL.name());
        e.put("reason", after.running() ? "replication into the " + side.label() + " runs: " + after.describe()
                : "replication into the " + side.label() + " did not start within " + io.parity.spec.Durations.format(wait)
                        + ": " + after.describe());
    }

    /**
     * The side's replica status, recorded as {@code before}; null, with the step FAILed saying the side
     * {@code otherwise}, when the side does not replicate natively.
     */
    private ReplicaStatus nativeReplica(Side side, Map<String, Object> e, String otherwise) {
        ReplicaStatus before = ReplicaStatus.read(context, side);
        e.put("side", side.label());
        e.put("before", before.values());
        if (!before.present()) {
            e.put("status", StepStatus.FAIL.name());
            e.put("reason", "the " + side.label() + " " + otherwise);
            return null;
        }
        return before;
    }

    /** PostgreSQL subscriptions of the connected database that are disabled (what start-replication enables). */
    private List<String> disabledSubscriptions(Side side, ActionSql sql) {
        if (sql.subscriptions().isEmpty()) {
            return List.of();
        }
        return context.on(side, "reading its subscriptions", (c, g) -> {
            List<String> names = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    sql.subscriptions().get().replace("WHERE subenabled", "WHERE NOT subenabled"))) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private List<String> subscriptions(Side side, ActionSql sql) {
        if (sql.subscriptions().isEmpty()) {
            return List.of();
        }
        return context.on(side, "reading its subscriptions", (c, g) -> {
            List<String> names = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.subscriptions().get())) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    // start-reverse-replication --------------------------------------------------------------------------------------

    private void startReverse(ActionStep step, boolean dryRun, Map<String, Object> e) {
        GateSettings s = step.settings();
        ActionSql sql = actions(Side.SOURCE);
        java.net.URI uri = java.net.URI.create(context.spec().destination().url().substring("jdbc:".length()));
        String host = s.string("host", uri.getHost());
        int port = (int) s.integer("port", uri.getPort() < 0 ? 3306 : uri.getPort());
        String user = s.string("user", "");
        java.util.Optional<List<SqlStatement>> planned = sql.replicateFrom(host, port, user, step.password().reveal());
        if (planned.isEmpty()) {
            e.put("status", StepStatus.ERROR.name());
            e.put("reason", "start-reverse-replication: the source's engine has no single command for it (on"
                    + " PostgreSQL a publication on the destination and a subscription on the source); set it up with"
                    + " 'action: command'");
            return;
        }
        ReplicaStatus before = ReplicaStatus.read(context, Side.SOURCE);
        List<String> shown = planned.get().stream().map(NativeActions::shown).toList();
        e.put("side", Side.SOURCE.label());
        e.put("from", host + ":" + port);
        e.put("before", before.values());
        e.put("statements", shown);
        e.put("undo", sql.forgetReplication());
        if (before.present() && before.running()) {
            e.put("status", StepStatus.FAIL.name());
            e.put("reason", "the source already replicates (" + before.describe() + "); stop that first");
            return;
        }
        if (dryRun) {
            planned(e, shown);
            return;
        }
        execute(Side.SOURCE, planned.get(), "starting reverse replication");
        Duration wait = s.duration("wait", Duration.ofSeconds(30));
        ReplicaStatus after = awaitRunning(Side.SOURCE, wait);
        e.put("after", after.values());
        boolean ok = after.running();
        e.put("status", ok ? StepStatus.PASS.name() : StepStatus.FAIL.name());
        e.put("reason", ok ? "the source replicates from the destination (" + host + ":" + port + "): " + after.describe()
                : "reverse replication did not start within " + io.parity.spec.Durations.format(wait) + ": "
                        + after.describe());
    }

    /** A statement as evidence shows it: parameters as literals, the password (the fourth) as '******'. */
    static String shown(SqlStatement s) {
        String text = s.sql();
        for (int i = 0; i < s.params().size(); i++) {
            Object p = s.params().get(i);
            String literal = i == 3 ? "'******'" : p instanceof Number ? p.toString()
                    : "'" + String.valueOf(p).replace("'", "''") + "'";
            text = text.replaceFirst("\\?", java.util.regex.Matcher.quoteReplacement(literal));
        }
        return text;
    }

    /** The side's replica status once both threads run, an error shows, or {@code wait} has passed. */
    private ReplicaStatus awaitRunning(Side side, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        ReplicaStatus status = ReplicaStatus.read(context, side);
        while (!status.running() && status.lastError().isEmpty() && System.nanoTime() < deadline) {
            sleep();
            status = ReplicaStatus.read(context, side);
        }
        return status;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ParityException.incomplete("interrupted while waiting for replication to start", ex);
        }
    }

    // revoke-grants --------------------------------------------------------------------------------------------------

    private void revoke(GateSettings s, boolean dryRun, Map<String, Object> e) {
        GateSettings gate = GateSettings.of(GrantsGate.NAME, s.values());
        GrantsGate grants = new GrantsGate();
        Observation before = grants.observe(context, gate);
        List<String> statements = strings(before.value("revoke"));
        e.put("side", before.value("side"));
        e.put("before", before.values());
        e.put("statements", statements);
        e.put("undo", undo(statements));
        if (statements.isEmpty()) {
            e.put("status", StepStatus.PASS.name());
            e.put("reason", "nothing to revoke: " + before.text());
            return;
        }
        if (dryRun) {
            planned(e, statements);
            return;
        }
        Side side = "source".equals(before.value("side")) ? Side.SOURCE : Side.DESTINATION;
        execute(side, statements.stream().map(t -> SqlStatement.of(t.strip().replaceAll(";+$", ""))).toList(),
                "revoking grants");
        Observation after = grants.observe(context, gate);
        e.put("after", after.values());
        boolean ok = strings(after.value("revoke")).isEmpty();
        e.put("status", ok ? StepStatus.PASS.name() : StepStatus.FAIL.name());
        e.put("reason", ok ? "revoked: " + after.text() : "grants remain after revoking: " + after.text());
    }

    /** Each REVOKE as the GRANT that puts it back; a session setting is kept as it is, so the undo stays local too. */
    static List<String> undo(List<String> statements) {
        List<String> undo = new ArrayList<>();
        for (String s : statements) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)^REVOKE\\s+(.+?)\\s+FROM\\s+(.+?);?$")
                    .matcher(s.strip());
            undo.add(m.matches() ? "GRANT " + m.group(1) + " TO " + m.group(2) + (s.strip().endsWith(";") ? ";" : "")
                    : s);
        }
        return undo;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return v == null ? List.of() : (List<String>) v;
    }

    // -----------------------------------------------------------------------------------------------------------------

    private static void planned(Map<String, Object> e, List<String> statements) {
        e.put("status", StepStatus.SKIPPED.name());
        e.put("reason", "dry run: would run " + String.join("; ", statements));
    }

    /** Runs the statements in order on one connection of {@code side}: session settings hold for those after them. */
    private void execute(Side side, List<SqlStatement> statements, String what) {
        context.on(side, what, (c, sql) -> {
            for (SqlStatement s : statements) {
                try (PreparedStatement ps = s.prepare(c)) {
                    ps.execute();
                }
            }
            return null;
        });
    }
}
