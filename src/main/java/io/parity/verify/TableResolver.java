package io.parity.verify;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.engine.KeyBytesRows;
import io.parity.engine.RowGroups;
import io.parity.engine.SqlStatement;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.KeyChooser;
import io.parity.schema.SchemaComparator;
import io.parity.schema.SchemaFinding;
import io.parity.schema.SideTable;
import io.parity.schema.TablePlan;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;
import io.parity.spec.TableSpec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the spec's table selections into {@link TablePlan}s: expands globs on the source, finds each table's
 * counterpart on the destination, chooses the key and compares definitions. Bad selections (unknown table, glob that
 * matches nothing, a key or ignored column the spec names that does not exist) are the user's to fix and fail here,
 * before any run starts. A table that cannot be compared (no usable key, a column type Parity cannot compare, no SELECT
 * privilege) is planned as not compared, with the reason, and the other tables are compared.
 *
 * <p>Without a {@code target}, a table in the source URL's database maps to the same name in the destination URL's
 * database; a table in another schema maps to the same schema and name.
 */
public final class TableResolver {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TableResolver.class);

    /** Groups of would-be duplicate keys named per table and direction; more are summed up in one finding. */
    private static final int COLLISIONS_SHOWN = 5;

    private final SideConnection source;
    private final SideConnection destination;
    private final SchemaComparator comparator = new SchemaComparator();

    public TableResolver(SideConnection source, SideConnection destination) {
        this.source = source;
        this.destination = destination;
    }

    public List<TablePlan> resolve(List<TableSpec> specs) {
        String srcDefault;
        String dstDefault;
        List<Map.Entry<TableRef, TableSpec>> selected;
        try (Connection src = source.dataSource().getConnection(); Connection dst = destination.dataSource().getConnection()) {
            srcDefault = source.engine().catalog().currentSchema(src);
            dstDefault = destination.engine().catalog().currentSchema(dst);
            selected = List.copyOf(select(src, specs, srcDefault).entrySet());
            if (readers(selected.size()) == 1) {
                List<TablePlan> plans = new ArrayList<>();
                for (Map.Entry<TableRef, TableSpec> e : selected) {
                    plans.add(masked(plan(src, dst, e.getKey(), e.getValue(), srcDefault, dstDefault), e.getValue()));
                }
                return plans;
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading table definitions", Side.SOURCE, e);
        }
        return concurrently(selected, srcDefault, dstDefault);
    }

    /**
     * Tables read at once, each reader on a connection of its own per side: reading a table's definition is a few
     * catalog queries a side, one after another, so across a distant link it is their round trips, table after table
     * (measured: 50 tables, the destination 10 ms away, 3.0 s to connect and read them one at a time).
     */
    static final int READERS = 4;

    private int readers(int tables) {
        return Math.max(1, Math.min(Math.min(tables, READERS),
                Math.min(source.poolSize(), destination.poolSize())));
    }

    /**
     * The plans of {@code selected} in their order, read by {@link #readers} threads that take the next table in turn.
     * The outcome is the one reading them in order would give: the first table (in order) whose reading fails fails
     * the whole with its own exception, and tables after a failure are not started.
     */
    private List<TablePlan> concurrently(List<Map.Entry<TableRef, TableSpec>> selected, String srcDefault,
                                         String dstDefault) {
        int n = selected.size();
        TablePlan[] plans = new TablePlan[n];
        RuntimeException[] failures = new RuntimeException[n];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger firstFailure = new java.util.concurrent.atomic.AtomicInteger(n);
        java.util.concurrent.atomic.AtomicReference<RuntimeException> unconnected =
                new java.util.concurrent.atomic.AtomicReference<>();
        Runnable reader = () -> {
            try (Connection src = source.dataSource().getConnection();
                 Connection dst = destination.dataSource().getConnection()) {
                for (int i = next.getAndIncrement(); i < n && i < firstFailure.get(); i = next.getAndIncrement()) {
                    Map.Entry<TableRef, TableSpec> e = selected.get(i);
                    try {
                        plans[i] = masked(plan(src, dst, e.getKey(), e.getValue(), srcDefault, dstDefault),
                                e.getValue());
                    } catch (SQLException ex) {
                        failures[i] = ConnectionErrors.during("reading table definitions", Side.SOURCE, ex);
                    } catch (RuntimeException ex) {
                        failures[i] = ex;
                    }
                    if (failures[i] != null) {
                        firstFailure.accumulateAndGet(i, Math::min);
                    }
                }
            } catch (SQLException ex) {
                // no connection for this reader: the others read its share; if none could, this is the failure
                unconnected.compareAndSet(null, ConnectionErrors.during("reading table definitions", Side.SOURCE, ex));
            }
        };
        List<java.util.concurrent.CompletableFuture<Void>> others = new ArrayList<>();
        for (int r = 1; r < readers(n); r++) {
            others.add(java.util.concurrent.CompletableFuture.runAsync(reader, VerifyPreparation.STARTING));
        }
        reader.run();
        others.forEach(java.util.concurrent.CompletableFuture::join);
        List<TablePlan> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                throw failures[i];
            }
            if (plans[i] == null) {
                throw unconnected.get() != null ? unconnected.get()
                        : new IllegalStateException("table " + selected.get(i).getKey() + " was not read");
            }
            result.add(plans[i]);
        }
        return result;
    }

    private Map<TableRef, TableSpec> select(Connection src, List<TableSpec> specs, String srcDefault) throws SQLException {
        Map<TableRef, TableSpec> selected = new LinkedHashMap<>();
        List<TableRef> all = null;
        for (TableSpec spec : specs) {
            if (!spec.isGlob()) {
                TableRef ref = TableRef.parse(spec.name(), requireDefault(srcDefault, spec));
                selected.put(ref, spec);
                continue;
            }
            if (all == null) {
                all = source.engine().catalog().listTables(src);
            }
            List<TableRef> matched = all.stream().filter(t -> t.matches(qualify(spec.include(), srcDefault)))
                    .filter(t -> spec.exclude().stream().noneMatch(x -> t.matches(qualify(x, srcDefault)))).toList();
            if (matched.isEmpty()) {
                throw ParityException.badInput(spec.field() + ".include: '" + spec.include()
                        + "' matches no table on the source; check the schema and table names");
            }
            matched.forEach(t -> selected.putIfAbsent(t, spec));
        }
        return selected;
    }

    private static String qualify(String glob, String defaultSchema) {
        return glob.contains(".") || defaultSchema == null ? glob : defaultSchema + "." + glob;
    }

    private static String requireDefault(String schema, TableSpec spec) {
        if (schema == null && !spec.name().contains(".")) {
            throw ParityException.badInput(spec.field() + ".name: '" + spec.name()
                    + "' has no schema and the source URL names no database; write it as schema.table");
        }
        return schema;
    }

    private TablePlan plan(Connection src, Connection dst, TableRef ref, TableSpec spec, String srcDefault,
                           String dstDefault) throws SQLException {
        TableRef target = target(ref, spec, srcDefault, dstDefault);
        SideTable srcShell = new SideTable(ref, List.of(), List.of(), spec.sourceWhere());
        SideTable dstShell = new SideTable(target, List.of(), List.of(), spec.destinationWhere());
        Optional<TableSchema> found = source.engine().catalog().describe(src, ref);
        if (found.isEmpty()) {
            String forbidden = unreadable(source, src, ref);
            if (forbidden != null) {
                return TablePlan.notCompared(ref.toString(), srcShell, dstShell, List.of(), 0, forbidden);
            }
            throw ParityException.badInput(spec.field() + ": table " + ref
                    + " does not exist on the source; fix the name or remove the entry");
        }
        TableSchema srcTable = found.get();
        Optional<List<String>> key = key(srcTable, spec);
        if (key.isEmpty() && multisets()) {
            key = Optional.of(List.of()); // no key: compared as a multiset of whole rows
        }
        if (key.isEmpty()) {
            return TablePlan.notCompared(ref.toString(), srcShell, dstShell, List.of(), srcTable.estimatedRows(),
                    "it has no primary key or NOT NULL unique key, and " + source.engine().describe() + " / "
                            + destination.engine().describe() + " cannot compare rows as multisets; name the"
                            + " identifying columns with 'key: [col, ...]' in " + spec.field());
        }
        String unsupported = unsupportedColumn(srcTable, spec, key.get());
        if (unsupported != null) {
            return TablePlan.notCompared(ref.toString(), srcShell, dstShell, List.of(), srcTable.estimatedRows(),
                    unsupported);
        }
        Optional<TableSchema> dstTable;
        try {
            dstTable = destination.engine().catalog().describe(dst, target);
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading table " + target, Side.DESTINATION, e);
        }
        SideTable srcSide;
        if (dstTable.isEmpty()) {
            String forbidden = unreadable(destination, dst, target);
            if (forbidden != null) {
                return TablePlan.notCompared(ref.toString(), srcShell, dstShell, List.of(), srcTable.estimatedRows(),
                        forbidden);
            }
            srcSide = srcShell;
            return new TablePlan(ref.toString(), srcSide, null, List.of(new SchemaFinding(
                    SchemaFinding.Kind.TABLE_MISSING, null, target + " does not exist on the destination")),
                    false, srcTable.estimatedRows());
        }
        boolean crossEngine = !source.engine().family().equals(destination.engine().family());
        checkRenames(spec, srcTable, dstTable.get());
        SchemaComparator.Result r = comparator.compare(srcTable, dstTable.get(), key.get(),
                Set.copyOf(spec.ignoreColumns()), crossEngine, spec.columnMap());
        srcSide = new SideTable(ref, r.sourceKey(), r.sourceColumns(), spec.sourceWhere());
        SideTable dstSide = new SideTable(target, r.destinationKey(), r.destinationColumns(), spec.destinationWhere());
        if (!r.keyBytesOrder()) {
            return new TablePlan(ref.toString(), srcSide, dstSide, r.findings(), r.comparable(),
                    srcTable.estimatedRows());
        }
        if (source.engine().rows().keyBytesOrder().isEmpty() || destination.engine().rows().keyBytesOrder().isEmpty()) {
            return TablePlan.notCompared(ref.toString(), srcSide, dstSide, r.findings(), srcTable.estimatedRows(),
                    "its key orders differently on the two sides (" + keyCollations(r.sourceKey()) + " vs "
                            + keyCollations(r.destinationKey()) + ") and " + source.engine().describe() + " / "
                            + destination.engine().describe() + " cannot order keys by their bytes; make the key"
                            + " collations equal or name another key with 'key: [col, ...]' in " + spec.field());
        }
        List<SchemaFinding> findings = new ArrayList<>(r.findings());
        if (merges(destination, r.destinationKey())) {
            findings.addAll(collisions(source, src, srcSide, r.destinationKey(), Side.DESTINATION));
        }
        if (merges(source, r.sourceKey())) {
            findings.addAll(collisions(destination, dst, dstSide, r.sourceKey(), Side.SOURCE));
        }
        return new TablePlan(ref.toString(), srcSide, dstSide, findings, r.comparable(), srcTable.estimatedRows(),
                null, true);
    }

    /** Each renamed column must exist under its old name on the source and its new name on the destination. */
    private static void checkRenames(TableSpec spec, TableSchema source, TableSchema destination) {
        spec.columnMap().forEach((from, to) -> {
            if (source.column(from).isEmpty()) {
                throw ParityException.badInput(spec.field() + ".columns.map: column '" + from + "' does not exist in "
                        + source.ref() + " on the source; fix the name or remove the entry");
            }
            if (destination.column(to).isEmpty()) {
                throw ParityException.badInput(spec.field() + ".columns.map: column '" + to + "' (for '" + from
                        + "') does not exist in " + destination.ref() + " on the destination; fix the name or remove"
                        + " the entry");
            }
        });
    }

    /** Whether {@code side}'s collation of some text key column makes distinct strings one key. */
    private static boolean merges(SideConnection side, List<Column> key) {
        KeyBytesRows rows = side.engine().rows().keyBytesOrder().orElseThrow();
        return key.stream().anyMatch(c -> c.kind() == ColumnKind.TEXT && rows.mergesDistinctKeys(c));
    }

    private static String keyCollations(List<Column> key) {
        return key.stream().filter(c -> c.kind() == ColumnKind.TEXT)
                .map(c -> c.name() + " " + Objects.toString(c.collation(), c.columnType()))
                .collect(Collectors.joining(", "));
    }

    /**
     * Would-be duplicate keys: keys of {@code table} that are distinct on its own side but one key under the other
     * side's key collations, so the other side can hold only one of each group (a migration that copied them dropped
     * or merged rows, and a repair in that direction could not write them all). One grouped scan of the side; a
     * server that does not know the other side's collation is said so, not guessed at.
     */
    private static List<SchemaFinding> collisions(SideConnection side, Connection c, SideTable table,
                                                  List<Column> otherKey, Side other) {
        String column = table.key().stream().map(Column::name).collect(Collectors.joining(", "));
        String under = keyCollations(otherKey);
        KeyBytesRows rows = side.engine().rows().keyBytesOrder().orElseThrow();
        SqlStatement stmt = rows.collidingKeys(table, otherKey, COLLISIONS_SHOWN + 1);
        List<String> groups = new ArrayList<>();
        try (var ps = stmt.prepare(c); var rs = ps.executeQuery()) {
            while (rs.next()) {
                groups.add(rs.getString(1));
            }
        } catch (SQLException e) {
            // the server does not know the other side's collation (another engine, an older version): a warning, not a
            // finding, since nothing was found to differ
            LOG.warn("{}: cannot check whether {} keys collide under the {}'s collation ({}): {}", table.ref(),
                    side.side().label(), other.label(), under, e.getMessage().lines().findFirst().orElse(""));
            return List.of();
        }
        List<SchemaFinding> findings = new ArrayList<>();
        for (int i = 0; i < Math.min(groups.size(), COLLISIONS_SHOWN); i++) {
            findings.add(new SchemaFinding(SchemaFinding.Kind.WOULD_BE_DUPLICATE_KEY, column, side.side().label() + " keys "
                    + groups.get(i) + " are one key under the " + other.label() + "'s " + under + ": the "
                    + other.label() + " can hold only one of them"));
        }
        if (groups.size() > COLLISIONS_SHOWN) {
            findings.add(new SchemaFinding(SchemaFinding.Kind.WOULD_BE_DUPLICATE_KEY, column, "and more " + side.side().label()
                    + " keys that are one key under the " + other.label() + "'s " + under));
        }
        return findings;
    }

    /**
     * information_schema hides tables the account cannot read, so a table that seems missing may only be forbidden:
     * telling the two apart turns a wrong "table missing" finding into the grant the user has to add.
     */
    private static String unreadable(SideConnection side, Connection c, TableRef table) {
        try (var ps = side.engine().catalog().probe(table).prepare(c); var rs = ps.executeQuery()) {
            rs.next();
            return null;
        } catch (SQLException e) {
            if (e.getErrorCode() == 1142 || e.getErrorCode() == 1143 || "42000".equals(e.getSQLState()) && e.getErrorCode() != 1146) {
                return side.side().label() + ": account '" + side.endpoint().user() + "' has no SELECT privilege on "
                        + table + "; GRANT SELECT ON " + table + " to it";
            }
            return null;
        }
    }

    /** Whether both engines group rows by hash, which tables without a key are compared by. */
    private boolean multisets() {
        Optional<RowGroups> src = source.engine().checksums().rowGroups();
        Optional<RowGroups> dst = destination.engine().checksums().rowGroups();
        return src.isPresent() && dst.isPresent() && src.get().rowHashEncoding().equals(dst.get().rowHashEncoding());
    }

    private static TableRef target(TableRef ref, TableSpec spec, String srcDefault, String dstDefault) {
        if (spec.target() != null && spec.isGlob()) {
            String renamed = ref.rename(qualify(spec.include(), srcDefault), spec.target().contains(".")
                    ? spec.target() : qualify(spec.target(), dstDefault == null ? ref.schema() : dstDefault));
            return TableRef.parse(renamed, dstDefault == null ? ref.schema() : dstDefault);
        }
        if (spec.target() != null) {
            return TableRef.parse(spec.target(), dstDefault == null ? ref.schema() : dstDefault);
        }
        boolean inDefault = ref.schema().equals(srcDefault) && dstDefault != null;
        return new TableRef(inDefault ? dstDefault : ref.schema(), ref.table());
    }

    /** The key columns: the spec's, checked, or the table's own; empty when the table has no usable key. */
    private static Optional<List<String>> key(TableSchema table, TableSpec spec) {
        if (spec.key().isEmpty()) {
            return KeyChooser.choose(table);
        }
        List<String> key = new ArrayList<>();
        for (String name : spec.key()) {
            Column c = table.column(name).orElseThrow(() -> ParityException.badInput(spec.field() + ".key: column '"
                    + name + "' does not exist in " + table.ref() + " on the source; fix the key"));
            if (c.nullable() || !c.keyCapable()) {
                throw ParityException.badInput(spec.field() + ".key: column '" + name + "' (" + c.columnType()
                        + (c.nullable() ? ", nullable" : "") + ") cannot identify rows; choose NOT NULL integer, decimal,"
                        + " text, binary or temporal columns");
            }
            key.add(c.name());
        }
        return Optional.of(key);
    }

    /**
     * The plan with its {@code columns.mask} in the source's spelling. A name that is not a column fails here: a typo
     * would otherwise show the values it was meant to hide. A table not compared shows no values and is not checked.
     */
    private static TablePlan masked(TablePlan plan, TableSpec spec) {
        if (spec.maskColumns().isEmpty() || plan.source().columns().isEmpty()) {
            return plan;
        }
        List<String> masked = new ArrayList<>();
        for (String name : spec.maskColumns()) {
            Optional<String> column = plan.source().columns().stream().map(Column::name)
                    .filter(c -> c.equalsIgnoreCase(name)).findFirst()
                    .or(() -> spec.ignoreColumns().stream().filter(c -> c.equalsIgnoreCase(name)).findFirst());
            masked.add(column.orElseThrow(() -> ParityException.badInput(spec.field() + ".columns.mask: column '"
                    + name + "' does not exist in " + plan.source().ref() + " on the source; fix the name so its"
                    + " values stay out of the reports")));
        }
        return plan.withMasked(masked);
    }

    /** Checks {@code columns.ignore}; returns why the table cannot be compared when a compared column's type is unsupported. */
    private static String unsupportedColumn(TableSchema table, TableSpec spec, List<String> key) {
        Set<String> ignored = new HashSet<>();
        for (String name : spec.ignoreColumns()) {
            Column c = table.column(name).orElseThrow(() -> ParityException.badInput(spec.field()
                    + ".columns.ignore: column '" + name + "' does not exist in " + table.ref() + " on the source"));
            if (key.stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))) {
                throw ParityException.badInput(spec.field() + ".columns.ignore: '" + name
                        + "' is a key column and must be compared; remove it from ignore or choose another key");
            }
            ignored.add(c.name());
        }
        for (Column c : table.columns()) {
            if (c.kind() == ColumnKind.UNSUPPORTED && !c.generated() && !ignored.contains(c.name())) {
                return "column " + c.name() + " has type " + c.columnType() + ", which Parity cannot compare exactly;"
                        + " add it to columns.ignore in " + spec.field();
            }
        }
        return null;
    }
}
