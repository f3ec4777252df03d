package io.parity.config;

import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the parsed YAML tree into a {@link JobSpec}, recording a problem line per bad field instead of stopping at the
 * first. Each line reads {@code <file>: <field>: <what is wrong>; <the fix>}.
 */
final class SpecReader {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> ROOT_KEYS = Set.of("name", "source", "destination", "tables", "options", "repository",
            "cutover", "workers", "schedule");
    private static final Set<String> WORKERS_KEYS = Set.of("broker", "queue", "timeout");
    private static final Set<String> ENDPOINT_KEYS = Set.of("url", "user", "password", "password-file");
    private static final Set<String> TABLE_KEYS = Set.of("name", "include", "exclude", "target", "columns", "where", "key");
    private static final Set<String> COLUMNS_KEYS = Set.of("ignore");
    private static final Set<String> OPTION_KEYS = Set.of("chunk-rows", "chunk-time", "hashing", "reconcile", "boundaries", "parallelism", "hash", "recheck", "retry",
            "throttle", "lock-wait-timeout", "fence", "fence-timeout");
    private static final Set<String> RECHECK_KEYS = Set.of("attempts", "delay", "multiplier");
    private static final Set<String> RETRY_KEYS = Set.of("attempts", "delay");
    private static final Set<String> THROTTLE_KEYS = Set.of("threads-running", "replica-lag", "rows-per-second");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final Path file;
    private final Function<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    SpecReader(Path file, Function<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    List<String> problems() {
        return problems;
    }

    JobSpec read(Object rootNode, String sha256, String defaultName) {
        Map<?, ?> root = (Map<?, ?>) rootNode;
        unknownKeys(root, ROOT_KEYS, "");
        String name = optionalString(root, "name", "name");
        if (name == null) {
            name = defaultName;
        } else if (!NAME.matcher(name).matches()) {
            problem("name", "'" + name + "' is not a valid job name; use letters, digits, '.', '_' or '-'");
        }
        Endpoint source = endpoint(root, "source");
        Endpoint destination = endpoint(root, "destination");
        List<TableSpec> tables = tables(root.get("tables"));
        Options options = options(root.get("options"));
        Endpoint repository = root.containsKey("repository") ? endpoint(root, "repository") : null;
        Workers workers = root.containsKey("workers") ? workers(root.get("workers")) : null;
        return new JobSpec(name, file, sha256, source, destination, tables, options, repository, workers);
    }

    private Workers workers(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            problem("workers", "must be a mapping such as 'workers: { broker: \"amqp://parity:${BROKER_PASSWORD}@rabbitmq\" }'");
            return null;
        }
        unknownKeys(map, WORKERS_KEYS, "workers.");
        String broker = requiredString(map, "broker", "workers.broker", "an AMQP URL such as amqp://parity@rabbitmq:5672");
        if (broker != null && !broker.startsWith("amqp://")) {
            problem("workers.broker", "is not an amqp:// URL; write it as amqp://user@host:5672");
        }
        String queue = optionalString(map, "queue", "workers.queue");
        String timeoutText = optionalString(map, "timeout", "workers.timeout");
        java.time.Duration timeout = null;
        if (timeoutText != null) {
            timeout = Workers.duration(timeoutText);
            if (timeout == null) {
                problem("workers.timeout", "'" + timeoutText + "' is not a duration; write it as 90s, 30m or 12h");
            }
        }
        return new Workers(Secret.of(broker), queue, timeout);
    }

    private Endpoint endpoint(Map<?, ?> root, String label) {
        Object node = root.get(label);
        if (node == null) {
            problem(label, "missing; add '" + label + ":' with url, user and password (or password-file)");
            return new Endpoint(label, "", "", Secret.none());
        }
        if (!(node instanceof Map<?, ?> map)) {
            problem(label, "must be a mapping with url, user and password");
            return new Endpoint(label, "", "", Secret.none());
        }
        unknownKeys(map, ENDPOINT_KEYS, label + ".");
        String url = requiredString(map, "url", label + ".url", "a JDBC URL such as jdbc:mysql://127.0.0.1:3306/shop");
        if (url != null && !url.startsWith("jdbc:")) {
            problem(label + ".url", "'" + url + "' is not a JDBC URL; write it as jdbc:mysql://host:port/database");
        }
        String user = requiredString(map, "user", label + ".user", "the account Parity connects as");
        String password = optionalString(map, "password", label + ".password");
        String passwordFile = optionalString(map, "password-file", label + ".password-file");
        if (password != null && passwordFile != null) {
            problem(label + ".password", "both password and password-file are set; keep one");
        }
        Secret secret = Secret.of(password);
        if (passwordFile != null) {
            secret = readPasswordFile(label + ".password-file", passwordFile);
        }
        return new Endpoint(label, url == null ? "" : url, user == null ? "" : user, secret);
    }

    private Secret readPasswordFile(String field, String path) {
        try {
            String text = Files.readString(file.toAbsolutePath().getParent().resolve(path), StandardCharsets.UTF_8);
            return Secret.of(text.strip());
        } catch (IOException e) {
            problem(field, "cannot read '" + path + "'; point it at a readable file that holds only the password");
            return Secret.none();
        }
    }

    private List<TableSpec> tables(Object node) {
        List<TableSpec> result = new ArrayList<>();
        if (node == null) {
            problem("tables", "missing; list tables as '- name: schema.table' or '- include: \"schema.*\"'");
            return result;
        }
        if (!(node instanceof List<?> list) || list.isEmpty()) {
            problem("tables", "must be a non-empty list of '- name: schema.table' or '- include: \"schema.*\"' entries");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String field = "tables[" + i + "]";
            Object entry = list.get(i);
            if (entry instanceof String s) {
                entry = Map.of("name", s);
            }
            if (!(entry instanceof Map<?, ?> map)) {
                problem(field, "must be a table name or a mapping with 'name:' or 'include:'");
                continue;
            }
            TableSpec table = table(map, field);
            if (table != null) {
                result.add(table);
            }
        }
        return result;
    }

    private TableSpec table(Map<?, ?> map, String field) {
        unknownKeys(map, TABLE_KEYS, field + ".");
        String name = optionalString(map, "name", field + ".name");
        String include = optionalString(map, "include", field + ".include");
        if ((name == null) == (include == null)) {
            problem(field, "needs exactly one of 'name:' (a table) or 'include:' (a glob such as \"shop.*\")");
            return null;
        }
        List<String> exclude = stringList(map.get("exclude"), field + ".exclude");
        String target = optionalString(map, "target", field + ".target");
        if (target != null && include != null) {
            problem(field + ".target", "applies to one table; use it with 'name:', not with 'include:'");
        }
        if (!exclude.isEmpty() && include == null) {
            problem(field + ".exclude", "only filters an 'include:' glob; remove it or use 'include:'");
        }
        List<String> ignore = List.of();
        Object columns = map.get("columns");
        if (columns instanceof Map<?, ?> columnsMap) {
            unknownKeys(columnsMap, COLUMNS_KEYS, field + ".columns.");
            ignore = stringList(columnsMap.get("ignore"), field + ".columns.ignore");
        } else if (columns != null) {
            problem(field + ".columns", "must be a mapping such as 'columns: { ignore: [updated_at] }'");
        }
        String where = optionalString(map, "where", field + ".where");
        if (where != null && where.contains(";")) {
            problem(field + ".where", "must be one SQL condition without ';'");
        }
        List<String> key = stringList(map.get("key"), field + ".key");
        return new TableSpec(name, include, exclude, target, ignore, where, key, field);
    }

    private Options options(Object node) {
        Options defaults = Options.defaults();
        if (node == null) {
            return defaults;
        }
        if (!(node instanceof Map<?, ?> map)) {
            problem("options", "must be a mapping such as 'options: { chunk-rows: 10000, parallelism: 2 }'");
            return defaults;
        }
        unknownKeys(map, OPTION_KEYS, "options.");
        Hashing hashing = choice(map, "hashing", Hashing::parse, Hashing.SERVER,
                "is not a place to hash rows; use server or client");
        int chunkRows = positiveInt(map, "chunk-rows", hashing == Hashing.CLIENT ? Options.DEFAULT_CLIENT_CHUNK_ROWS
                : defaults.chunkRows(), 100_000_000);
        int parallelism = positiveInt(map, "parallelism", defaults.parallelism(), 64);
        RecheckPolicy recheck = recheck(map.get("recheck"), defaults.recheck());
        RetryPolicy retry = retry(map.get("retry"), defaults.retry());
        ThrottlePolicy throttle = throttle(map.get("throttle"));
        Duration lockWait = map.containsKey("lock-wait-timeout")
                ? duration(map.get("lock-wait-timeout"), "options.lock-wait-timeout", defaults.lockWaitTimeout())
                : defaults.lockWaitTimeout();
        HashAlgorithm hash = choice(map, "hash", HashAlgorithm::parse, null, "is not a hash; use sha1, crc64 or md5");
        boolean fence = false;
        String fenceText = optionalString(map, "fence", "options.fence");
        if (fenceText != null) {
            if (fenceText.equalsIgnoreCase("gtid")) {
                fence = true;
            } else if (!fenceText.equalsIgnoreCase("none")) {
                problem("options.fence", "'" + fenceText + "' is not a fence; use gtid or none");
            }
        }
        Duration fenceTimeout = map.containsKey("fence-timeout")
                ? duration(map.get("fence-timeout"), "options.fence-timeout", Options.DEFAULT_FENCE_TIMEOUT)
                : Options.DEFAULT_FENCE_TIMEOUT;
        Duration chunkTime = null;
        String chunkTimeText = String.valueOf(map.get("chunk-time"));
        // YAML 1.1 reads a bare 'off' as false
        if (map.containsKey("chunk-time") && !chunkTimeText.equalsIgnoreCase("off") && !chunkTimeText.equals("false")) {
            chunkTime = duration(map.get("chunk-time"), "options.chunk-time", null);
            if (chunkTime != null && (chunkTime.toMillis() < 10 || chunkTime.toHours() > 1)) {
                problem("options.chunk-time", "'" + map.get("chunk-time") + "' is out of range; use 10ms to 1h, or off");
                chunkTime = null;
            }
        }
        Reconcile reconcile = choice(map, "reconcile", Reconcile::parse, Reconcile.ROW_HASHES,
                "is not a way to reconcile; use row-hashes or buckets");
        Boundaries boundaries = choice(map, "boundaries", Boundaries::parse, Boundaries.ARITHMETIC,
                "is not a way to find chunk boundaries; use arithmetic or index");
        return new Options(chunkRows, parallelism, hash, recheck, retry, throttle, lockWait, fence, fenceTimeout,
                hashing, chunkTime, reconcile, boundaries);
    }

    private RecheckPolicy recheck(Object node, RecheckPolicy fallback) {
        Map<?, ?> map = block(node, "options.recheck", RECHECK_KEYS, "{ attempts: 2, delay: 5s, multiplier: 2 }");
        if (map == null) {
            return fallback;
        }
        int attempts = count(map, "attempts", "options.recheck.attempts", fallback.attempts(), 20);
        Duration delay = map.containsKey("delay") ? duration(map.get("delay"), "options.recheck.delay", fallback.delay())
                : fallback.delay();
        double multiplier = fallback.multiplier();
        Object m = map.get("multiplier");
        if (m instanceof Number n && n.doubleValue() >= 1 && n.doubleValue() <= 10) {
            multiplier = n.doubleValue();
        } else if (m != null) {
            problem("options.recheck.multiplier", "'" + m + "' is not a number from 1 to 10");
        }
        return new RecheckPolicy(attempts, delay, multiplier);
    }

    private RetryPolicy retry(Object node, RetryPolicy fallback) {
        Map<?, ?> map = block(node, "options.retry", RETRY_KEYS, "{ attempts: 3, delay: 1s }");
        if (map == null) {
            return fallback;
        }
        return new RetryPolicy(count(map, "attempts", "options.retry.attempts", fallback.attempts(), 20),
                map.containsKey("delay") ? duration(map.get("delay"), "options.retry.delay", fallback.delay())
                        : fallback.delay());
    }

    private ThrottlePolicy throttle(Object node) {
        Map<?, ?> map = block(node, "options.throttle", THROTTLE_KEYS,
                "{ threads-running: 40, replica-lag: 10s, rows-per-second: 50000 }");
        if (map == null) {
            return ThrottlePolicy.none();
        }
        Integer threads = map.containsKey("threads-running")
                ? count(map, "threads-running", "options.throttle.threads-running", 0, 100_000) : null;
        Duration lag = map.containsKey("replica-lag")
                ? duration(map.get("replica-lag"), "options.throttle.replica-lag", Duration.ZERO) : null;
        Long rows = map.containsKey("rows-per-second")
                ? (long) count(map, "rows-per-second", "options.throttle.rows-per-second", 0, Integer.MAX_VALUE) : null;
        return new ThrottlePolicy(threads, lag, rows);
    }

    private Map<?, ?> block(Object node, String field, Set<String> keys, String example) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof Map<?, ?> map)) {
            problem(field, "must be a mapping such as " + example);
            return null;
        }
        unknownKeys(map, keys, field + ".");
        return map;
    }

    private int count(Map<?, ?> map, String key, String field, int fallback, int max) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i && i >= 0 && i <= max) {
            return i;
        }
        problem(field, "'" + value + "' is not a whole number from 0 to " + max);
        return fallback;
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or a plain number of seconds. */
    private Duration duration(Object value, String field, Duration fallback) {
        Matcher m = DURATION.matcher(String.valueOf(value).trim());
        if (!m.matches()) {
            problem(field, "'" + value + "' is not a duration; write it like 500ms, 5s, 2m or 1h");
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private int positiveInt(Map<?, ?> map, String key, int fallback, int max) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i && i > 0 && i <= max) {
            return i;
        }
        problem("options." + key, "'" + value + "' is not a whole number from 1 to " + max);
        return fallback;
    }

    private List<String> stringList(Object node, String field) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof String s) {
            return List.of(interpolate(s, field));
        }
        if (node instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof String || item instanceof Number) {
                    result.add(interpolate(item.toString(), field));
                } else {
                    problem(field, "must be a list of names");
                }
            }
            return result;
        }
        problem(field, "must be a list of names such as [a, b]");
        return List.of();
    }

    private String requiredString(Map<?, ?> map, String key, String field, String what) {
        Object raw = map.get(key);
        String value = optionalString(map, key, field);
        if (raw instanceof Map || raw instanceof List) {
            return null; // already reported as the wrong shape
        }
        if (value == null || value.isBlank()) {
            problem(field, "missing; set it to " + what);
            return null;
        }
        return value;
    }

    private String optionalString(Map<?, ?> map, String key, String field) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(field, "must be a single value, not a " + (value instanceof Map ? "mapping" : "list"));
            return null;
        }
        return interpolate(value.toString(), field);
    }

    private String interpolate(String text, String field) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                problem(field, "environment variable " + m.group(1) + " is not set; export it before running Parity");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void unknownKeys(Map<?, ?> map, Set<String> known, String prefix) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problem(prefix + key, "unknown key; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    /** One of a fixed set of words under {@code options}, or {@code fallback} when absent or (with a problem) unknown. */
    private <T> T choice(Map<?, ?> map, String key, java.util.function.Function<String, T> parse, T fallback,
                         String unknown) {
        String text = optionalString(map, key, "options." + key);
        if (text == null) {
            return fallback;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problem("options." + key, "'" + text + "' " + unknown);
            return fallback;
        }
    }

    private void problem(String field, String message) {
        problems.add(file + ": " + field + ": " + message);
    }
}
