package io.parity.gate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one entry of {@code cutover.steps}: a gate with its settings checked against the gate's declared kinds and
 * laid over its defaults, or an action. Step ids are the position and the name, {@code 03-sessions}.
 */
final class CutoverStepReader {

    private static final Set<String> GATE_KEYS = Set.of("gate", "enabled", "reason", "required");
    private static final Set<String> COMMAND_KEYS = Set.of("action", "run", "timeout", "message");
    private static final Set<String> PAUSE_KEYS = Set.of("action", "message");

    private final SpecProblems problems;

    CutoverStepReader(SpecProblems problems) {
        this.problems = problems;
    }

    /** The step, or null when the entry is too broken to be one (the problem is recorded). */
    CutoverStep read(Map<?, ?> entry, int index, String field) {
        if (entry.containsKey("gate")) {
            return gate(entry, index, field);
        }
        if (entry.containsKey("action")) {
            return action(entry, index, field);
        }
        problems.problem(field, "needs 'gate:' (one of " + GateCatalog.names() + ") or 'action:' (command or pause)");
        return null;
    }

    private GateStep gate(Map<?, ?> entry, int index, String field) {
        String name = String.valueOf(entry.get("gate"));
        Gate gate = GateCatalog.find(name).orElse(null);
        if (gate == null) {
            problems.problem(field + ".gate", "'" + name + "' is not a gate; use one of " + GateCatalog.names());
            return null;
        }
        Map<String, GateSettings.Kind> kinds = new LinkedHashMap<>(GateSettings.COMMON);
        kinds.putAll(gate.settings());
        Set<String> known = new TreeSet<>(GATE_KEYS);
        known.addAll(kinds.keySet());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entry.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!known.contains(key)) {
                problems.problem(field + "." + key, "unknown setting of gate " + name + "; expected one of " + known);
            } else if (kinds.containsKey(key) && problems.checkKind(field + "." + key, kinds.get(key), e.getValue())) {
                values.put(key, e.getValue());
            }
        }
        boolean enabled = problems.bool(entry, "enabled", true, field);
        boolean required = problems.bool(entry, "required", true, field);
        String reason = entry.get("reason") == null ? null : entry.get("reason").toString();
        if (!enabled && (reason == null || reason.isBlank())) {
            problems.problem(field + ".reason", "missing; a disabled gate needs 'reason:' saying why it is skipped");
        }
        GateSettings settings = GateSettings.of(gate, values);
        if (enabled) {
            gateSpecific(name, settings, field);
        }
        return new GateStep(String.format("%02d-%s", index + 1, name), name, enabled, reason, required, settings, field);
    }

    private void gateSpecific(String gate, GateSettings s, String field) {
        if (gate.equals(BackupGate.NAME) && s.has("query") == s.has("file")) {
            problems.problem(field, "gate backup needs exactly one of 'query:' (SQL returning the backup time) or 'file:' (a path"
                    + " whose modification time is the backup time)");
        }
        if (gate.equals(BackupGate.NAME) && !s.has("max-age")) {
            problems.problem(field + ".max-age", "missing; say how old the backup may be, e.g. 'max-age: 24h'");
        }
        if (gate.equals(GrantsGate.NAME) && s.strings("accounts").isEmpty()) {
            problems.problem(field + ".accounts", "missing; list the migration accounts, e.g. 'accounts: [\"migrator@%\"]'");
        }
        for (String sideKey : List.of("side")) {
            String side = s.string(sideKey, null);
            if (side != null && !side.equals("source") && !side.equals("destination")) {
                problems.problem(field + "." + sideKey, "'" + side + "' is not a side; use source or destination");
            }
        }
    }

    private ActionStep action(Map<?, ?> entry, int index, String field) {
        String kind = String.valueOf(entry.get("action"));
        String message = entry.get("message") == null ? null : entry.get("message").toString();
        switch (kind) {
            case "command" -> {
                problems.unknownKeys(entry, COMMAND_KEYS, field + ".");
                Object run = entry.get("run");
                if (run == null || run.toString().isBlank()) {
                    problems.problem(field + ".run", "missing; give the shell command to run, e.g. 'run: \"systemctl stop dms-task\"'");
                }
                Duration timeout = ActionStep.DEFAULT_TIMEOUT;
                if (entry.containsKey("timeout") && problems.checkKind(field + ".timeout", GateSettings.Kind.DURATION, entry.get("timeout"))) {
                    timeout = Durations.parse(entry.get("timeout"));
                }
                return new ActionStep(String.format("%02d-command", index + 1), ActionStep.Kind.COMMAND,
                        run == null ? "" : run.toString(), timeout, message, field);
            }
            case "pause" -> {
                problems.unknownKeys(entry, PAUSE_KEYS, field + ".");
                return new ActionStep(String.format("%02d-pause", index + 1), ActionStep.Kind.PAUSE, null, null,
                        message == null ? "confirm to continue" : message, field);
            }
            default -> {
                problems.problem(field + ".action", "'" + kind + "' is not an action; use command (with 'run:') or pause");
                return null;
            }
        }
    }
}
