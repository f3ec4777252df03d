package io.parity.spec;

import io.parity.spec.SpecDocument.CutoverDocument;
import io.parity.spec.SpecDocument.HeartbeatDocument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code cutover:} block, from what was written to a {@link CutoverSpec}: each step a gate, its settings checked
 * against the gate's declared kinds ({@link GateDeclarations}) and laid over its defaults, or an action. Step ids are
 * the position and the name, {@code 03-sessions}. Values are taken as written: {@code ${VAR}} is not expanded here.
 *
 * <pre>
 * cutover:
 *   heartbeat: { schema: parity, gtid-domain-id: 99 }
 *   max-pause-age: 1h
 *   steps:
 *     - gate: lag
 *       max-delay: 5s
 *     - action: command
 *       run: "systemctl stop migration-task"
 *     - action: pause
 *       message: "Switch the application to the destination, then resume"
 *     - gate: grants
 *       enabled: false
 *       reason: "migration accounts are dropped by the platform team"
 * </pre>
 */
final class CutoverRules {

    private static final Set<String> GATE_KEYS = Set.of("gate", "enabled", "reason", "required", "on-failure");
    private static final Set<String> COMMAND_KEYS = Set.of("action", "run", "timeout", "message");
    private static final Set<String> PAUSE_KEYS = Set.of("action", "message");
    /** Each native action's settings and their kinds ({@code action} and {@code message} are common). */
    private static final Map<String, Map<String, GateSettings.Kind>> NATIVE = Map.of(
            "read-only", Map.of("side", GateSettings.Kind.STRING, "value", GateSettings.Kind.STRING),
            "stop-replication", Map.of("side", GateSettings.Kind.STRING),
            "start-replication", Map.of("side", GateSettings.Kind.STRING, "wait", GateSettings.Kind.DURATION),
            "start-reverse-replication", Map.of("user", GateSettings.Kind.STRING,
                    "password-file", GateSettings.Kind.STRING, "host", GateSettings.Kind.STRING,
                    "port", GateSettings.Kind.INTEGER, "wait", GateSettings.Kind.DURATION),
            "repair", Map.of("direction", GateSettings.Kind.STRING, "apply", GateSettings.Kind.STRING),
            "revoke-grants", Map.of("accounts", GateSettings.Kind.STRINGS, "databases", GateSettings.Kind.STRINGS,
                    "side", GateSettings.Kind.STRING));

    private java.nio.file.Path specDir = java.nio.file.Path.of(".");

    /** The spec file's directory, against which a {@code password-file} is read. */
    CutoverRules in(java.nio.file.Path dir) {
        this.specDir = dir == null ? java.nio.file.Path.of(".") : dir;
        return this;
    }

    private final SpecProblems problems;
    private final Values values;

    CutoverRules(SpecProblems problems, Values values) {
        this.problems = problems;
        this.values = values;
    }

    CutoverSpec cutover(CutoverDocument doc, String jobName) {
        if (doc == null) {
            return CutoverSpec.none(jobName);
        }
        HeartbeatSettings heartbeat = heartbeat(doc.heartbeat(), jobName);
        Duration maxPauseAge = maxPauseAge(doc.maxPauseAge());
        if (doc.steps() == null || doc.steps().isEmpty()) {
            problems.add("cutover.steps", "missing or empty; list the runbook as '- gate: lag', '- action: pause', ...");
            return new CutoverSpec(List.of(), heartbeat, true, maxPauseAge);
        }
        List<CutoverStep> steps = steps(doc.steps(), "cutover.steps", "");
        List<CutoverStep> rollback = doc.rollback() == null ? List.of() : steps(doc.rollback(), "cutover.rollback", "r");
        if (doc.rollback() != null && doc.rollback().isEmpty()) {
            problems.add("cutover.rollback", "empty; list the way back as steps, or remove it");
        }
        for (CutoverStep s : steps) {
            if (s instanceof GateStep g && g.onFailure() == GateStep.OnFailure.ROLLBACK && rollback.isEmpty()) {
                problems.add(g.field() + ".on-failure", "rollback needs a 'rollback:' block beside 'steps:' listing the"
                        + " way back; add it, or use stop or pause");
            }
        }
        for (List<CutoverStep> list : List.of(steps, rollback)) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof ActionStep a && a.kind() == ActionStep.Kind.REPAIR
                        && "true".equals(a.settings().string("apply", "false"))
                        && !(i > 0 && list.get(i - 1) instanceof ActionStep p && p.kind() == ActionStep.Kind.PAUSE)) {
                    problems.add(a.field() + ".apply", "applying a repair needs a typed confirmation: put an"
                            + " 'action: pause' (review the repair files) right before this step");
                }
            }
        }
        for (CutoverStep s : rollback) {
            if (s instanceof GateStep g && g.onFailure() != GateStep.OnFailure.STOP) {
                problems.add(g.field() + ".on-failure", "a rollback step stops the rollback when it fails; remove"
                        + " on-failure here");
            }
        }
        return new CutoverSpec(steps, heartbeat, true, maxPauseAge, rollback);
    }

    /** One list of steps; ids are numbered in it, with {@code prefix} ({@code r01-read-only} in the rollback). */
    private List<CutoverStep> steps(List<Object> entries, String list, String prefix) {
        List<CutoverStep> steps = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = list + "[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add(field, "must be a mapping such as '{gate: lag}' or '{action: pause}'");
                continue;
            }
            CutoverStep step = entry.containsKey("gate") ? gate(entry, i, field)
                    : entry.containsKey("action") ? action(entry, i, field) : null;
            if (step != null) {
                steps.add(prefix.isEmpty() ? step : renamed(step, prefix + step.id()));
            } else if (!entry.containsKey("gate") && !entry.containsKey("action")) {
                problems.add(field, "needs 'gate:' (one of " + GateDeclarations.names()
                        + ") or 'action:' (command or pause)");
            }
        }
        return steps;
    }

    private static CutoverStep renamed(CutoverStep step, String id) {
        if (step instanceof GateStep g) {
            return new GateStep(id, g.gate(), g.enabled(), g.reason(), g.required(), g.settings(), g.field(),
                    g.onFailure());
        }
        ActionStep a = (ActionStep) step;
        return new ActionStep(id, a.kind(), a.run(), a.timeout(), a.message(), a.field(), a.settings(), a.password());
    }

    private Duration maxPauseAge(String text) {
        if (text == null) {
            return CutoverSpec.DEFAULT_MAX_PAUSE_AGE;
        }
        Duration d = Durations.parse(text);
        if (d == null || d.isZero()) {
            problems.add("cutover.max-pause-age", "'" + text + "' is not a duration above zero; write it as "
                    + Durations.EXAMPLES + " (how long a paused or failed run may wait for 'parity cutover resume')");
            return CutoverSpec.DEFAULT_MAX_PAUSE_AGE;
        }
        return d;
    }

    private HeartbeatSettings heartbeat(HeartbeatDocument doc, String jobName) {
        if (doc == null) {
            return new HeartbeatSettings(HeartbeatSettings.DEFAULT_SCHEMA, jobName, null);
        }
        Integer domain = doc.gtidDomainId() == null ? null : parseDomain(doc.gtidDomainId());
        return new HeartbeatSettings(doc.schema() == null ? HeartbeatSettings.DEFAULT_SCHEMA : doc.schema(),
                doc.id() == null ? jobName : doc.id(), domain == null ? null : domain.longValue());
    }

    private Integer parseDomain(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("cutover.heartbeat.gtid-domain-id", "'" + text + "' is not a GTID domain id; use a whole number"
                + " not used by any server, e.g. 99");
        return null;
    }

    private GateStep gate(Map<?, ?> entry, int index, String field) {
        String name = String.valueOf(entry.get("gate"));
        GateDeclarations.Declaration gate = GateDeclarations.find(name).orElse(null);
        if (gate == null) {
            problems.add(field + ".gate", "'" + name + "' is not a gate; use one of " + GateDeclarations.names());
            return null;
        }
        Map<String, GateSettings.Kind> kinds = new LinkedHashMap<>(GateSettings.COMMON);
        kinds.putAll(gate.settings());
        Set<String> known = new TreeSet<>(GATE_KEYS);
        known.addAll(kinds.keySet());
        Map<String, Object> given = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entry.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!known.contains(key)) {
                problems.add(field + "." + key, "unknown setting of gate " + name + "; expected one of " + known);
            } else if (kinds.containsKey(key) && checkKind(field + "." + key, kinds.get(key), e.getValue())) {
                given.put(key, e.getValue());
            }
        }
        boolean enabled = bool(entry, "enabled", true, field);
        boolean required = bool(entry, "required", true, field);
        String reason = entry.get("reason") == null ? null : entry.get("reason").toString();
        if (!enabled && (reason == null || reason.isBlank())) {
            problems.add(field + ".reason", "missing; a disabled gate needs 'reason:' saying why it is skipped");
        }
        GateSettings settings = GateSettings.of(name, given);
        if (enabled) {
            gateSpecific(name, settings, field);
        }
        GateStep.OnFailure onFailure = GateStep.OnFailure.STOP;
        Object onFailureText = entry.get("on-failure");
        if (onFailureText != null) {
            try {
                onFailure = GateStep.OnFailure.valueOf(String.valueOf(onFailureText).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(field + ".on-failure", "'" + onFailureText + "' is not stop, pause or rollback");
            }
        }
        return new GateStep(String.format("%02d-%s", index + 1, name), name, enabled, reason, required, settings, field,
                onFailure);
    }

    private void gateSpecific(String gate, GateSettings s, String field) {
        if (gate.equals("backup") && s.has("query") == s.has("file")) {
            problems.add(field, "gate backup needs exactly one of 'query:' (SQL returning the backup time) or 'file:'"
                    + " (a path whose modification time is the backup time)");
        }
        if (gate.equals("backup") && !s.has("max-age")) {
            problems.add(field + ".max-age", "missing; say how old the backup may be, e.g. 'max-age: 24h'");
        }
        if (gate.equals("grants") && s.strings("accounts").isEmpty()) {
            problems.add(field + ".accounts", "missing; list the migration accounts, e.g. 'accounts: [\"migrator@%\"]'");
        }
        if (gate.equals("sessions") && s.has("watch")
                && s.timeout().compareTo(s.duration("watch", Duration.ZERO)) <= 0) {
            problems.add(field + ".timeout", "must be longer than watch (" + s.values().get("watch") + "): the gate"
                    + " passes only after watching that long; e.g. 'timeout: 2m'");
        }
        String side = s.string("side", null);
        if (side != null && !side.equals("source") && !side.equals("destination")) {
            problems.add(field + ".side", "'" + side + "' is not a side; use source or destination");
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
                    problems.add(field + ".run", "missing; give the shell command to run, e.g. 'run: \"systemctl stop"
                            + " dms-task\"'");
                }
                Duration timeout = ActionStep.DEFAULT_TIMEOUT;
                if (entry.containsKey("timeout")
                        && checkKind(field + ".timeout", GateSettings.Kind.DURATION, entry.get("timeout"))) {
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
                if (NATIVE.containsKey(kind)) {
                    return nativeAction(kind, entry, index, field, message);
                }
                problems.add(field + ".action", "'" + kind + "' is not an action; use command (with 'run:'), pause, or one"
                        + " of " + new TreeSet<>(NATIVE.keySet()));
                return null;
            }
        }
    }

    /**
     * {@code read-only} (side required; value on or off, default on), {@code stop-replication} (side, default
     * destination), {@code start-reverse-replication} (user required; password or password-file; host and port
     * default to the destination URL's), {@code revoke-grants} (the {@code grants} gate's accounts, databases, side).
     */
    private ActionStep nativeAction(String kind, Map<?, ?> entry, int index, String field, String message) {
        Map<String, GateSettings.Kind> kinds = NATIVE.get(kind);
        Set<String> known = new TreeSet<>(kinds.keySet());
        known.add("action");
        known.add("message");
        Map<Object, Object> checked = new LinkedHashMap<>(entry);
        checked.remove("password"); // refused below with its own message
        unknownKeys(checked, known, field + ".");
        Map<String, Object> given = new LinkedHashMap<>();
        for (Map.Entry<String, GateSettings.Kind> k : kinds.entrySet()) {
            Object v = entry.get(k.getKey());
            if (v instanceof Boolean b && k.getKey().equals("value")) {
                v = b ? "on" : "off"; // YAML reads a bare on/off as a boolean
            } else if (v instanceof Boolean b) {
                v = b.toString();
            }
            if (v != null && checkKind(field + "." + k.getKey(), k.getValue(), v)) {
                given.put(k.getKey(), v);
            }
        }
        Secret password = Secret.none();
        String side = given.get("side") == null ? null : given.get("side").toString();
        if (side != null && !side.equals("source") && !side.equals("destination")) {
            problems.add(field + ".side", "'" + side + "' is not a side; use source or destination");
        }
        switch (kind) {
            case "read-only" -> {
                if (side == null) {
                    problems.add(field + ".side", "missing; say which side becomes read-only: source or destination");
                }
                Object value = given.getOrDefault("value", "on");
                if (!value.equals("on") && !value.equals("off")) {
                    problems.add(field + ".value", "'" + value + "' is not on or off");
                }
            }
            case "start-reverse-replication" -> {
                if (given.get("user") == null) {
                    problems.add(field + ".user", "missing; name the replication account the source connects to the"
                            + " destination as");
                }
                if (entry.containsKey("password")) {
                    problems.add(field + ".password", "a password is not written in the spec; put it in a file that"
                            + " holds only the password and give 'password-file:'");
                } else if (given.containsKey("password-file")) {
                    try {
                        password = Secret.of(java.nio.file.Files.readString(specDir.resolve(
                                given.get("password-file").toString())).strip());
                    } catch (java.io.IOException e) {
                        problems.add(field + ".password-file", "cannot read '" + given.get("password-file")
                                + "'; point it at a readable file that holds only the password");
                    }
                } else {
                    problems.add(field + ".password-file", "missing; give the file that holds the replication"
                            + " account's password");
                }
            }
            case "revoke-grants" -> {
                Object accounts = given.get("accounts");
                if (accounts == null || accounts instanceof List<?> l && l.isEmpty()) {
                    problems.add(field + ".accounts", "missing; list the migration accounts, e.g. 'accounts: [\"migrator@%\"]'");
                }
            }
            case "repair" -> {
                Object direction = given.getOrDefault("direction", "to-source");
                if (!direction.equals("to-source") && !direction.equals("to-destination")) {
                    problems.add(field + ".direction", "'" + direction + "' is not to-source or to-destination");
                }
                Object apply = given.getOrDefault("apply", "false");
                if (!apply.equals("true") && !apply.equals("false")) {
                    problems.add(field + ".apply", "'" + apply + "' is not true or false");
                }
            }
            default -> {
                // stop-replication: side only
            }
        }
        ActionStep.Kind k = ActionStep.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        return new ActionStep(String.format("%02d-%s", index + 1, kind), k, null, null, message, field,
                new GateSettings(kind, given), password);
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
            problems.add(field, "'" + value + "' is not " + switch (kind) {
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
        problems.add(field + "." + key, "'" + v + "' is not true or false");
        return fallback;
    }

    private void unknownKeys(Map<?, ?> map, Set<String> known, String prefix) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(prefix + key, "unknown key; expected one of " + new TreeSet<>(known));
            }
        }
    }
}
