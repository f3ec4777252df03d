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

    SpecValidator(Path file, SpecProblems problems) {
        this.file = file;
        this.problems = problems;
        this.values = new Values(problems);
    }

    JobSpec validate(SpecDocument doc, String sha256, String defaultName) {
        String name = doc.name() == null ? defaultName : doc.name();
        if (doc.name() != null && !NAME.matcher(name).matches()) {
            problems.add("name", "'" + name + "' is not a valid job name; use letters, digits, '.', '_' or '-'");
        }
        Endpoint source = endpoint(doc.source(), "source", true);
        Endpoint destination = endpoint(doc.destination(), "destination", true);
        List<TableSpec> tables = tables(doc.tables());
        Options options = new OptionRules(values).options(doc.options());
        Endpoint repository = doc.repository() == null ? null : endpoint(doc.repository(), "repository", false);
        Workers workers = doc.workers() == null ? null : workers(doc.workers());
        CutoverSpec cutover = new CutoverRules(problems, values).cutover(doc.cutover(), name);
        String schedule = schedule(doc.schedule());
        return new JobSpec(name, file, sha256, source, destination, tables, options, repository, workers, cutover,
                schedule);
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
        return new Endpoint(label, url == null ? "" : url, user == null ? "" : user, secret);
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
        if (doc.target() != null && doc.include() != null) {
            problems.add(field + ".target", "applies to one table; use it with 'name:', not with 'include:'");
        }
        if (!exclude.isEmpty() && doc.include() == null) {
            problems.add(field + ".exclude", "only filters an 'include:' glob; remove it or use 'include:'");
        }
        if (doc.where() != null && doc.where().contains(";")) {
            problems.add(field + ".where", "must be one SQL condition without ';'");
        }
        List<String> ignore = doc.columns() == null ? List.of() : names(doc.columns().ignore());
        return new TableSpec(doc.name(), doc.include(), exclude, doc.target(), ignore, doc.where(), names(doc.key()),
                field);
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
