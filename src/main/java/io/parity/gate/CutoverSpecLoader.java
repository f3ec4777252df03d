package io.parity.gate;

import io.parity.config.JobSpec;
import io.parity.error.ParityException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code cutover:} block of a job spec that {@link io.parity.config.SpecLoader} has already validated, and
 * validates it the same way: every problem is one line {@code <file>: <field>: <what is wrong>; <the fix>}, all
 * reported together as bad input.
 *
 * <pre>
 * cutover:
 *   heartbeat: { schema: parity, gtid-domain-id: 99 }
 *   steps:
 *     - gate: lag
 *       max-delay: 5s
 *     - gate: writes-stopped
 *       stable-for: 10s
 *     - action: command
 *       run: "systemctl stop migration-task"
 *     - action: pause
 *       message: "Switch the application to the destination, then resume"
 *     - gate: grants
 *       enabled: false
 *       reason: "migration accounts are dropped by the platform team"
 * </pre>
 *
 * Values are taken as written: {@code ${VAR}} is not expanded here, so a command's variables reach its shell intact.
 */
public final class CutoverSpecLoader {

    private static final Set<String> ROOT_KEYS = Set.of("heartbeat", "steps");
    private static final Set<String> HEARTBEAT_KEYS = Set.of("schema", "id", "gtid-domain-id");
    private static final Set<String> GATE_KEYS = Set.of("gate", "enabled", "reason", "required");
    private static final Set<String> COMMAND_KEYS = Set.of("action", "run", "timeout", "message");
    private static final Set<String> PAUSE_KEYS = Set.of("action", "message");

    private final List<String> problems = new ArrayList<>();
    private String file;

    public CutoverSpec load(JobSpec spec) {
        file = spec.file().toString();
        Object block = cutoverBlock(spec);
        CutoverSpec result = read(block, spec.name());
        if (!problems.isEmpty()) {
            throw ParityException.badInput(String.join(System.lineSeparator(), problems));
        }
        return result;
    }

    private static Object cutoverBlock(JobSpec spec) {
        try {
            String text = Files.readString(spec.file(), StandardCharsets.UTF_8);
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return root instanceof Map<?, ?> map ? map.get("cutover") : null;
        } catch (IOException e) {
            throw ParityException.badInput("job spec " + spec.file() + " cannot be read (" + e.getMessage() + ")");
        }
    }

    CutoverSpec read(Object block, String jobName) {
        if (block == null) {
            return new CutoverSpec(List.of(), new HeartbeatSettings(HeartbeatSettings.DEFAULT_SCHEMA, jobName, null), false);
        }
        if (!(block instanceof Map<?, ?> root)) {
            problem("cutover", "must be a mapping with 'steps:' (and optionally 'heartbeat:')");
            return new CutoverSpec(List.of(), new HeartbeatSettings(HeartbeatSettings.DEFAULT_SCHEMA, jobName, null), true);
        }
        unknownKeys(root, ROOT_KEYS, "cutover.");
        HeartbeatSettings heartbeat = heartbeat(root.get("heartbeat"), jobName);
        List<CutoverStep> steps = new ArrayList<>();
        Object list = root.get("steps");
        if (!(list instanceof List<?> entries) || entries.isEmpty()) {
            problem("cutover.steps", "missing or empty; list the runbook as '- gate: lag', '- action: pause', ...");
            return new CutoverSpec(steps, heartbeat, true);
        }
        for (int i = 0; i < entries.size(); i++) {
            String field = "cutover.steps[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problem(field, "must be a mapping such as '{gate: lag}' or '{action: pause}'");
                continue;
            }
            CutoverStep step = entry.containsKey("gate") ? gate(entry, i, field)
                    : entry.containsKey("action") ? action(entry, i, field) : null;
            if (step == null && !entry.containsKey("gate") && !entry.containsKey("action")) {
                problem(field, "needs 'gate:' (one of " + GateCatalog.names() + ") or 'action:' (command or pause)");
            }
            if (step != null) {
                steps.add(step);
            }
        }
        return new CutoverSpec(steps, heartbeat, true);
    }

    private HeartbeatSettings heartbeat(Object node, String jobName) {
        if (node == null) {
            return new HeartbeatSettings(HeartbeatSettings.DEFAULT_SCHEMA, jobName, null);
        }
        if (!(node instanceof Map<?, ?> map)) {
            problem("cutover.heartbeat", "must be a mapping such as '{schema: parity, gtid-domain-id: 99}'");
            return new HeartbeatSettings(HeartbeatSettings.DEFAULT_SCHEMA, jobName, null);
        }
        unknownKeys(map, HEARTBEAT_KEYS, "cutover.heartbeat.");
        String schema = map.get("schema") == null ? HeartbeatSettings.DEFAULT_SCHEMA : map.get("schema").toString();
        String id = map.get("id") == null ? jobName : map.get("id").toString();
        Object domain = map.get("gtid-domain-id");
        Long domainId = null;
        if (domain instanceof Integer n && n >= 0) {
            domainId = n.longValue();
        } else if (domain != null) {
            problem("cutover.heartbeat.gtid-domain-id", "'" + domain + "' is not a GTID domain id; use a whole number"
                    + " not used by any server, e.g. 99");
        }
        return new HeartbeatSettings(schema, id, domainId);
    }

    private GateStep gate(Map<?, ?> entry, int index, String field) {
        String name = String.valueOf(entry.get("gate"));
        Gate gate = GateCatalog.find(name).orElse(null);
        if (gate == null) {
            problem(field + ".gate", "'" + name + "' is not a gate; use one of " + GateCatalog.names());
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
                problem(field + "." + key, "unknown setting of gate " + name + "; expected one of " + known);
            } else if (kinds.containsKey(key) && checkKind(field + "." + key, kinds.get(key), e.getValue())) {
                values.put(key, e.getValue());
            }
        }
        boolean enabled = bool(entry, "enabled", true, field);
        boolean required = bool(entry, "required", true, field);
        String reason = entry.get("reason") == null ? null : entry.get("reason").toString();
        if (!enabled && (reason == null || reason.isBlank())) {
            problem(field + ".reason", "missing; a disabled gate needs 'reason:' saying why it is skipped");
        }
        GateSettings settings = GateSettings.of(gate, values);
        if (enabled) {
            gateSpecific(name, settings, field);
        }
        return new GateStep(String.format("%02d-%s", index + 1, name), name, enabled, reason, required, settings, field);
    }

    private void gateSpecific(String gate, GateSettings s, String field) {
        if (gate.equals(BackupGate.NAME) && s.has("query") == s.has("file")) {
            problem(field, "gate backup needs exactly one of 'query:' (SQL returning the backup time) or 'file:' (a path"
                    + " whose modification time is the backup time)");
        }
        if (gate.equals(BackupGate.NAME) && !s.has("max-age")) {
            problem(field + ".max-age", "missing; say how old the backup may be, e.g. 'max-age: 24h'");
        }
        if (gate.equals(GrantsGate.NAME) && s.strings("accounts").isEmpty()) {
            problem(field + ".accounts", "missing; list the migration accounts, e.g. 'accounts: [\"migrator@%\"]'");
        }
        for (String sideKey : List.of("side")) {
            String side = s.string(sideKey, null);
            if (side != null && !side.equals("source") && !side.equals("destination")) {
                problem(field + "." + sideKey, "'" + side + "' is not a side; use source or destination");
            }
        }
    }

    private ActionStep action(Map<?, ?> entry, int index, String field) {
        String kind = String.valueOf(entry.get("action"));
        String message = entry.get("message") == null ? null : entry.get("message").toString();
        switch (kind) {
            case "command" -> {
                unknownKeys(entry, COMMAND_KEYS, field + ".");
                Object run = entry.get("run");
                if (run == null || run.toString().isBlank()) {
                    problem(field + ".run", "missing; give the shell command to run, e.g. 'run: \"systemctl stop dms-task\"'");
                }
                Duration timeout = ActionStep.DEFAULT_TIMEOUT;
                if (entry.containsKey("timeout") && checkKind(field + ".timeout", GateSettings.Kind.DURATION, entry.get("timeout"))) {
                    timeout = Durations.parse(entry.get("timeout"));
                }
                return new ActionStep(String.format("%02d-command", index + 1), ActionStep.Kind.COMMAND,
                        run == null ? "" : run.toString(), timeout, message, field);
            }
            case "pause" -> {
                unknownKeys(entry, PAUSE_KEYS, field + ".");
                return new ActionStep(String.format("%02d-pause", index + 1), ActionStep.Kind.PAUSE, null, null,
                        message == null ? "confirm to continue" : message, field);
            }
            default -> {
                problem(field + ".action", "'" + kind + "' is not an action; use command (with 'run:') or pause");
                return null;
            }
        }
    }

    private boolean checkKind(String field, GateSettings.Kind kind, Object value) {
        boolean ok = switch (kind) {
            case DURATION -> Durations.parse(value) != null;
            case STRING -> value instanceof String || value instanceof Number;
            case STRINGS -> value instanceof String || (value instanceof List<?> l
                    && l.stream().allMatch(v -> v instanceof String || v instanceof Number));
            case INTEGER -> value instanceof Integer || value instanceof Long;
        };
        if (!ok) {
            problem(field, "'" + value + "' is not " + switch (kind) {
                case DURATION -> "a duration; write it as 500ms, 5s, 10m or 1h";
                case STRING -> "a single value; write one string";
                case STRINGS -> "a list of names; write it as [a, b]";
                case INTEGER -> "a whole number";
            });
        }
        return ok;
    }

    private boolean bool(Map<?, ?> entry, String key, boolean fallback, String field) {
        Object v = entry.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problem(field + "." + key, "'" + v + "' is not true or false");
        return fallback;
    }

    private void unknownKeys(Map<?, ?> map, Set<String> known, String prefix) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problem(prefix + key, "unknown key; expected one of " + new TreeSet<>(known));
            }
        }
    }

    private void problem(String field, String message) {
        problems.add(file + ": " + field + ": " + message);
    }
}
