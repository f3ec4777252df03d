package io.parity.gate;

import io.parity.config.JobSpec;
import io.parity.core.ParityException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private SpecProblems problems;

    public CutoverSpec load(JobSpec spec) {
        problems = new SpecProblems(spec.file().toString());
        CutoverSpec result = read(cutoverBlock(spec), spec.name());
        if (!problems.lines().isEmpty()) {
            throw ParityException.badInput(String.join(System.lineSeparator(), problems.lines()));
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
            problems.problem("cutover", "must be a mapping with 'steps:' (and optionally 'heartbeat:')");
            return new CutoverSpec(List.of(), new HeartbeatSettings(HeartbeatSettings.DEFAULT_SCHEMA, jobName, null), true);
        }
        problems.unknownKeys(root, ROOT_KEYS, "cutover.");
        HeartbeatSettings heartbeat = heartbeat(root.get("heartbeat"), jobName);
        List<CutoverStep> steps = new ArrayList<>();
        Object list = root.get("steps");
        if (!(list instanceof List<?> entries) || entries.isEmpty()) {
            problems.problem("cutover.steps", "missing or empty; list the runbook as '- gate: lag', '- action: pause', ...");
            return new CutoverSpec(steps, heartbeat, true);
        }
        for (int i = 0; i < entries.size(); i++) {
            String field = "cutover.steps[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.problem(field, "must be a mapping such as '{gate: lag}' or '{action: pause}'");
                continue;
            }
            CutoverStep step = new CutoverStepReader(problems).read(entry, i, field);
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
            problems.problem("cutover.heartbeat", "must be a mapping such as '{schema: parity, gtid-domain-id: 99}'");
            return new HeartbeatSettings(HeartbeatSettings.DEFAULT_SCHEMA, jobName, null);
        }
        problems.unknownKeys(map, HEARTBEAT_KEYS, "cutover.heartbeat.");
        String schema = map.get("schema") == null ? HeartbeatSettings.DEFAULT_SCHEMA : map.get("schema").toString();
        String id = map.get("id") == null ? jobName : map.get("id").toString();
        Object domain = map.get("gtid-domain-id");
        Long domainId = null;
        if (domain instanceof Integer n && n >= 0) {
            domainId = n.longValue();
        } else if (domain != null) {
            problems.problem("cutover.heartbeat.gtid-domain-id", "'" + domain + "' is not a GTID domain id; use a whole number"
                    + " not used by any server, e.g. 99");
        }
        return new HeartbeatSettings(schema, id, domainId);
    }


}
