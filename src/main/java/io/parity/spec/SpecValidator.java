package io.parity.spec;

import io.parity.spec.SpecDocument.EndpointDocument;
import io.parity.spec.SpecDocument.TableDocument;
import io.parity.spec.SpecDocument.WorkersDocument;
import org.springframework.scheduling.support.CronExpression;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place a spec is validated: from the bound {@link SpecDocument} to an immutable {@link JobSpec}, a problem
 * line per bad field ({@code <file>: <field>: <what is wrong>; <the fix>}), all reported together so a user fixes a
 * spec in one round. Options are checked by {@link OptionRules}, the {@code cutover:} block by {@link CutoverRules}.
 */
final class SpecValidator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Path file;
    private final SpecProblems problems;
    private final Values values;

    private final java.util.function.Function<String, String> environment;

    SpecValidator(Path file, SpecProblems problems, java.util.function.Function<String, String> environment) {
        this.file = file;
        this.problems = problems;
        this.values = new Values(problems);
        this.environment = environment;
    }

    JobSpec validate(SpecDocument doc, String sha256, String defaultName) {
        String name = doc.name() == null ? defaultName : doc.name();
        if (doc.name() != null && !NAME.matcher(name).matches()) {
            problems.add("name", "'" + name + "' is not a valid job name; use letters, digits, '.', '_' or '-'");
        }
        ShardLayout shards = shards(doc);
        Endpoint source = shards.side() == io.parity.core.Side.SOURCE ? shards.shards().get(0).endpoint()
                : endpoint(doc.source(), "source", true);
        Endpoint destination = shards.side() == io.parity.core.Side.DESTINATION ? shards.shards().get(0).endpoint()
                : endpoint(doc.destination(), "destination", true);
        List<TableSpec> tables = tables(doc.tables());
        Options options = new OptionRules(values).options(doc.options());
        Endpoint repository = doc.repository() == null ? null : endpoint(doc.repository(), "repository", false);
        Workers workers = doc.workers() == null ? null : workers(doc.workers());
        CutoverSpec cutover = new CutoverRules(problems, values).in(file.toAbsolutePath().getParent())
                .cutover(doc.cutover(), name);
        String schedule = schedule(doc.schedule());
        ReportPolicy report = new ReportRules(file, values, environment).policy(doc.report(), tables);
        return new JobSpec(name, file, sha256, source, destination, tables, options, repository, workers, cutover,
                schedule, report, shards);
    }

    /**
     * {@code sources:} or {@code destinations:}: a list of shards in place of {@code source:} or {@code destination:}.
     * Names default to {@code shard1}, {@code shard2} …; they must be distinct, and with {@code shards.disjoint} every
     * shard needs a {@code where}.
     */
    private ShardLayout shards(SpecDocument doc) {
        if (doc.sources() != null && doc.destinations() != null) {
            problems.add("destinations", "a spec shards one side: keep 'sources:' or 'destinations:', not both");
            return ShardLayout.none();
        }
        String label = doc.sources() != null ? "sources" : doc.destinations() != null ? "destinations" : null;
        if (label == null) {
            if (doc.shards() != null) {
                problems.add("shards", "only describes 'sources:' or 'destinations:'; remove it, or list the shards");
            }
            return ShardLayout.none();
        }
        String single = label.equals("sources") ? "source" : "destination";
        if ((label.equals("sources") ? doc.source() : doc.destination()) != null) {
            problems.add(single, "'" + single + ":' and '" + label + ":' both name the " + single
                    + "; keep one ('" + label + ":' lists the shards)");
        }
        List<SpecDocument.ShardDocument> docs = doc.destinations() != null ? doc.destinations() : doc.sources();
        if (docs.size() < 2) {
            problems.add(label, "lists " + docs.size() + " shard" + (docs.size() == 1 ? "" : "s")
                    + "; a sharded side needs at least two (for one, write '" + single + ":')");
        }
        boolean disjoint = doc.shards() != null && doc.shards().disjoint() != null
                && values.bool(doc.shards().disjoint(), "shards.disjoint");
        List<ShardLayout.ShardEndpoint> shards = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < docs.size(); i++) {
            String field = label + "[" + i + "]";
            SpecDocument.ShardDocument d = docs.get(i);
            if (d == null) {
                problems.add(field, "must be a mapping with url, user and password");
                continue;
            }
            String name = d.name() == null ? "shard" + (i + 1) : d.name();
            if (!NAME.matcher(name).matches()) {
                problems.add(field + ".name", "'" + name + "' is not a valid shard name; use letters, digits, '.', '_' or '-'");
            } else if (!names.add(name)) {
                problems.add(field + ".name", "'" + name + "' names two shards; give each a distinct name");
            }
            String where = d.where() == null || d.where().isBlank() ? null : d.where().strip();
            if (disjoint && where == null) {
                problems.add(field + ".where", "missing: 'shards: { disjoint: true }' needs a where on every shard"
                        + " (the condition that selects its rows)");
            }
            if (i == 0 && d.tables() != null && !d.tables().isEmpty()) {
                problems.add(field + ".tables", "the first shard holds the tables under the names 'tables:' gives;"
                        + " rename on the other shards only, or list this shard second");
            }
            Endpoint endpoint = endpoint(d.endpoint(), field, true);
            shards.add(new ShardLayout.ShardEndpoint(name, new Endpoint(field + " (shard " + name + ")", endpoint.url(),
                    endpoint.user(), endpoint.password(), endpoint.tls()), where,
                    d.tables() == null ? java.util.Map.of() : d.tables(), field));
        }
        if (shards.isEmpty()) {
            return ShardLayout.none();
        }
        return new ShardLayout(label.equals("sources") ? io.parity.core.Side.SOURCE : io.parity.core.Side.DESTINATION,
                shards, disjoint);
    }

    private Endpoint endpoint(EndpointDocument doc, String label, boolean required) {
        if (doc == null) {
            if (required && !problems.about(label)) {
                problems.add(label, "missing; add '" + label + ":' with url, user and password (or password-file)");
            }
            return new Endpoint(label, "", "", Secret.none());
        }
        String url = values.required(doc.url(), label + ".url", "a JDBC URL such as jdbc:mysql://127.0.0.1:3306/shop");
        if (url != null && !url.startsWith("jdbc:")) {
            problems.add(label + ".url", "'" + url + "' is not a JDBC URL; write it as jdbc:mysql://host:port/database");
        }
        String user = values.required(doc.user(), label + ".user", "the account Parity connects as");
        if (doc.password() != null && doc.passwordFile() != null) {
            problems.add(label + ".password", "both password and password-file are set; keep one");
        }
        Secret secret = doc.passwordFile() != null ? passwordFile(label + ".password-file", doc.passwordFile())
                : Secret.of(doc.password());
        Tls tls = new TlsRules(file, problems).tls(doc.tls(), label, url);
        return new Endpoint(label, url == null ? "" : url, user == null ? "" : user, secret, tls);
    }

    private Secret passwordFile(String field, String path) {
        try {
            return Secret.of(Files.readString(file.toAbsolutePath().getParent().resolve(path), StandardCharsets.UTF_8)
                    .strip());
        } catch (IOException e) {
            problems.add(field, "cannot read '" + path + "'; point it at a readable file that holds only the password");
            return Secret.none();
        }
    }

    private List<TableSpec> tables(List<TableDocument> docs) {
        List<TableSpec> result = new ArrayList<>();
        if (docs == null) {
            if (problems.about("tables")) {
                return result;
            }
            problems.add("tables", "missing; list tables as '- name: schema.table' or '- include: \"schema.*\"'");
            return result;
        }
        if (docs.isEmpty()) {
            problems.add("tables", "must be a non-empty list of '- name: schema.table' or '- include: \"schema.*\"'"
                    + " entries");
        }
        for (int i = 0; i < docs.size(); i++) {
            TableSpec table = docs.get(i) == null ? null : table(docs.get(i), "tables[" + i + "]");
            if (table != null) {
                result.add(table);
            }
        }
        return result;
    }

    private TableSpec table(TableDocument doc, String field) {
        if ((doc.name() == null) == (doc.include() == null)) {
            problems.add(field, "needs exactly one of 'name:' (a table) or 'include:' (a glob such as \"shop.*\")");
            return null;
        }
        List<String> exclude = names(doc.exclude());
        if (doc.target() != null) {
            target(doc.target(), doc.include(), field + ".target");
        }
        if (!exclude.isEmpty() && doc.include() == null) {
            problems.add(field + ".exclude", "only filters an 'include:' glob; remove it or use 'include:'");
        }
        String sourceWhere = doc.where() == null ? null : doc.where().source();
        String destinationWhere = doc.where() == null ? null : doc.where().destination();
        if (doc.where() != null && doc.where().both()) {
            condition(sourceWhere, field + ".where");
        } else {
            condition(sourceWhere, field + ".where.source");
            condition(destinationWhere, field + ".where.destination");
        }
        List<String> ignore = doc.columns() == null ? List.of() : names(doc.columns().ignore());
        Map<String, String> map = columnMap(doc.columns() == null ? null : doc.columns().map(), field + ".columns.map");
        List<String> mask = doc.columns() == null ? List.of() : names(doc.columns().mask());
        return new TableSpec(doc.name(), doc.include(), exclude, doc.target(), ignore, map, sourceWhere,
                destinationWhere, names(doc.key()), field, mask);
    }

    /** With {@code include:}, each {@code *} of the target takes what a {@code *} of the glob matched. */
    private void target(String target, String include, String field) {
        if (target.contains("?")) {
            problems.add(field, "'?' has no meaning in a target; use '*'");
        } else if (include != null && stars(target) > stars(include)) {
            problems.add(field, "'" + target + "' has more '*' than the include glob '" + include
                    + "'; each '*' of the target takes what a '*' of the glob matched");
        } else if (include != null && stars(target) == 0) {
            problems.add(field, "'" + target + "' would name one table for every table of '" + include
                    + "'; write it with '*', such as \"shop_v2.*\"");
        } else if (include == null && stars(target) > 0) {
            problems.add(field, "'" + target + "' has '*' but the entry names one table; write the table's name");
        }
    }

    private void condition(String where, String field) {
        if (where != null && where.contains(";")) {
            problems.add(field, "must be one SQL condition without ';'");
        }
    }

    private static int stars(String text) {
        return (int) text.chars().filter(c -> c == '*').count();
    }

    /** Renames, each from a source column to a destination column; two sources may not share one destination. */
    private Map<String, String> columnMap(Map<String, String> map, String field) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> result = new java.util.LinkedHashMap<>();
        Map<String, String> targets = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                problems.add(field + "." + e.getKey(), "names no destination column; write it as 'old_name: new_name'");
                continue;
            }
            String earlier = targets.put(e.getValue().toLowerCase(java.util.Locale.ROOT), e.getKey());
            if (earlier != null) {
                problems.add(field + "." + e.getKey(), "maps to '" + e.getValue() + "' like '" + earlier
                        + "' does; each destination column takes one source column");
                continue;
            }
            result.put(e.getKey(), e.getValue().trim());
        }
        return result;
    }

    private static List<String> names(List<String> names) {
        return names == null ? List.of() : names.stream().filter(n -> n != null).toList();
    }

    private Workers workers(WorkersDocument doc) {
        String broker = values.required(doc.broker(), "workers.broker",
                "an AMQP URL such as amqp://parity@rabbitmq:5672");
        if (broker != null && !broker.startsWith("amqp://")) {
            problems.add("workers.broker", "is not an amqp:// URL; write it as amqp://user@host:5672");
        }
        java.time.Duration timeout = values.duration(doc.timeout(), "workers.timeout", null);
        if (timeout != null && timeout.isZero()) {
            problems.add("workers.timeout", "'" + doc.timeout() + "' is zero; give the manager time, e.g. 30m");
            timeout = null;
        }
        return new Workers(Secret.of(broker), doc.queue(), timeout);
    }

    /** A Spring cron expression: six fields, seconds first, or a macro such as {@code @hourly}. */
    private String schedule(String expression) {
        if (expression == null) {
            return null;
        }
        String trimmed = expression.trim();
        try {
            CronExpression.parse(trimmed);
            return trimmed;
        } catch (IllegalArgumentException e) {
            problems.add("schedule", "'" + trimmed + "' is not a cron expression (" + e.getMessage() + "); write six"
                    + " fields, seconds first, e.g. '0 */15 * * * *' for every 15 minutes");
            return null;
        }
    }
}
