package io.parity.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated job spec ({@code jobs/*.yml}). Immutable; secrets inside are {@link Secret}s.
 *
 * @param name        job name, used in report paths and the job repository
 * @param file        where it was read from
 * @param sha256      hash of the file's text as written (before {@code ${VAR}} interpolation, so no secret is hashed)
 * @param source      the side that is right by definition (before repair direction is chosen)
 * @param destination the side being checked
 * @param tables      table selections in spec order
 * @param options     run options
 * @param repository  job repository database, or null for the default (command line, environment, embedded H2)
 * @param workers     remote workers to run partitions on, or null to run them in this process
 * @param cutover     the runbook of {@code parity cutover}, or {@link CutoverSpec#none} without a {@code cutover:} block
 * @param schedule    when {@code parity serve} runs the spec (a Spring cron expression), or null
 * @param report      what reports may show of the rows ({@code report:} and the tables' {@code columns.mask})
 * @param shards      several databases on one side ({@code sources:} or {@code destinations:}); {@link ShardLayout#none}
 *                    otherwise. When sharded, {@code source} or {@code destination} is the first shard's endpoint.
 */
public record JobSpec(String name, Path file, String sha256, Endpoint source, Endpoint destination,
                      List<TableSpec> tables, Options options, Endpoint repository, Workers workers,
                      CutoverSpec cutover, String schedule, ReportPolicy report, ShardLayout shards) {

    public JobSpec {
        shards = shards == null ? ShardLayout.none() : shards;
        tables = List.copyOf(tables);
        cutover = cutover == null ? CutoverSpec.none(name) : cutover;
        report = report == null ? ReportPolicy.full() : report;
    }

    /**
     * The same comparison the other way round, as a verification after the switch (destination against the old
     * source) runs it: the sides swapped, each table entry's name and {@code target} swapped, per-side conditions and
     * renamed columns turned round, under the job name {@code <name>-reverse} so its runs and reports stay apart.
     * Sharded sides are not turned round.
     */
    public JobSpec reversed() {
        List<TableSpec> turned = tables.stream().map(t -> {
            java.util.Map<String, String> inverse = new java.util.LinkedHashMap<>();
            t.columnMap().forEach((k, v) -> inverse.put(v, k));
            java.util.function.UnaryOperator<String> rename = c -> t.columnMap().getOrDefault(c, c);
            String name = t.target() != null && !t.isGlob() ? t.target() : t.name();
            String include = t.target() != null && t.isGlob() ? t.target() : t.include();
            String target = t.target() == null ? null : t.isGlob() ? t.include() : t.name();
            return new TableSpec(name, include, t.exclude(), target, t.ignoreColumns().stream().map(rename).toList(),
                    inverse, t.destinationWhere(), t.sourceWhere(), t.key().stream().map(rename).toList(), t.field(),
                    t.maskColumns().stream().map(rename).toList());
        }).toList();
        return new JobSpec(name + "-reverse", file, sha256, destination, source, turned, options, repository, workers,
                cutover, schedule, report, null);
    }

    /** A spec with one database on each side. */
    public JobSpec(String name, Path file, String sha256, Endpoint source, Endpoint destination,
                   List<TableSpec> tables, Options options, Endpoint repository, Workers workers,
                   CutoverSpec cutover, String schedule, ReportPolicy report) {
        this(name, file, sha256, source, destination, tables, options, repository, workers, cutover, schedule, report,
                null);
    }

    /** A spec whose reports show values as read. */
    public JobSpec(String name, Path file, String sha256, Endpoint source, Endpoint destination,
                   List<TableSpec> tables, Options options, Endpoint repository, Workers workers,
                   CutoverSpec cutover, String schedule) {
        this(name, file, sha256, source, destination, tables, options, repository, workers, cutover, schedule, null);
    }

    /** A spec without a runbook or schedule. */
    public JobSpec(String name, Path file, String sha256, Endpoint source, Endpoint destination,
                   List<TableSpec> tables, Options options, Endpoint repository, Workers workers) {
        this(name, file, sha256, source, destination, tables, options, repository, workers, null, null);
    }

    /** A spec whose partitions run in this process. */
    public JobSpec(String name, Path file, String sha256, Endpoint source, Endpoint destination,
                   List<TableSpec> tables, Options options, Endpoint repository) {
        this(name, file, sha256, source, destination, tables, options, repository, null);
    }
}
