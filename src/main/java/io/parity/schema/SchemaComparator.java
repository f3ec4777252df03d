package io.parity.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares one table's definition on both sides and decides what is compared. Pure: no database access, so every rule
 * here is unit-tested. A column whose type differs between the sides is still compared, as values of its family
 * ({@link ValueForm}); the type change stays a finding.
 *
 * <p>Compared columns are the source's non-ignored columns that the destination also has, in source
 * order. Each pair is harmonised so both sides build the same row encoding: nullable if either side is, and length-
 * tagged if either side's value is free-form; otherwise a column that is NOT NULL on one side and nullable on the other
 * would make every chunk differ while every row is equal.
 */
public final class SchemaComparator {

    /**
     * The outcome for one table.
     *
     * @param keyBytesOrder the key's text columns have different collations or character sets on the two sides, so the
     *                      sides order keys differently: rows are merged in the order of the keys' utf8mb4 bytes
     */
    public record Result(List<Column> sourceColumns, List<Column> destinationColumns, List<Column> sourceKey,
                         List<Column> destinationKey, List<SchemaFinding> findings, boolean comparable,
                         boolean keyBytesOrder) {
    }

    public Result compare(TableSchema source, TableSchema destination, List<String> keyNames, Set<String> ignored) {
        return compare(source, destination, keyNames, ignored, false);
    }

    /**
     * @param crossEngine the sides are different engines (MySQL and PostgreSQL): type names always differ there, so a
     *                    type is a finding only when the mapping can lose values ({@link TypeMapping}), and collations
     *                    are not compared by name (text keys are merged by their bytes whatever they are)
     */
    public Result compare(TableSchema source, TableSchema destination, List<String> keyNames, Set<String> ignored,
                          boolean crossEngine) {
        return compare(source, destination, keyNames, ignored, crossEngine, Map.of());
    }

    /**
     * @param renamed source column name to destination column name, for columns renamed on the way; findings and
     *                reports name the source's column
     */
    public Result compare(TableSchema source, TableSchema destination, List<String> keyNames, Set<String> ignored,
                          boolean crossEngine, Map<String, String> renamed) {
        Map<String, String> toDestination = new HashMap<>();
        Map<String, String> toSource = new HashMap<>();
        renamed.forEach((s, d) -> {
            toDestination.put(s.toLowerCase(Locale.ROOT), d);
            toSource.put(d.toLowerCase(Locale.ROOT), s);
        });
        List<SchemaFinding> findings = new ArrayList<>();
        Set<String> ignore = ignored.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Column> src = new ArrayList<>();
        List<Column> dst = new ArrayList<>();
        for (Column s : source.columns()) {
            if (ignore.contains(s.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Column d = destination.column(toDestination.getOrDefault(s.name().toLowerCase(Locale.ROOT), s.name()))
                    .orElse(null);
            if (d == null) {
                findings.add(new SchemaFinding(SchemaFinding.Kind.COLUMN_MISSING, s.name(),
                        "on the source (" + s.columnType() + ") but not on the destination"));
                continue;
            }
            describeDifferences(s, d, findings, crossEngine);
            boolean nullable = s.nullable() || d.nullable();
            boolean freeForm = s.kind().isFreeForm() || d.kind().isFreeForm();
            ValueForm form = crossEngine && (s.kind() == ColumnKind.FLOAT || d.kind() == ColumnKind.FLOAT)
                    ? new ValueForm(ValueForm.Kind.SIX_DIGITS, 0) : ValueForm.common(s, d);
            boolean large = s.large() || d.large();
            src.add(harmonise(s, nullable, freeForm).withForm(form).withLarge(large));
            dst.add(harmonise(d, nullable, freeForm).withForm(form).withLarge(large));
        }
        for (Column d : destination.columns()) {
            String sourceName = toSource.getOrDefault(d.name().toLowerCase(Locale.ROOT), d.name());
            if (!ignore.contains(sourceName.toLowerCase(Locale.ROOT))
                    && (source.column(sourceName).isEmpty() || !toSource.containsKey(d.name().toLowerCase(Locale.ROOT))
                    && toDestination.containsKey(d.name().toLowerCase(Locale.ROOT)))) {
                findings.add(new SchemaFinding(SchemaFinding.Kind.COLUMN_EXTRA, d.name(),
                        "on the destination (" + d.columnType() + ") but not on the source"));
            }
        }
        List<Column> srcKey = pick(src, keyNames);
        List<Column> dstKey = pick(dst, keyNames.stream()
                .map(k -> toDestination.getOrDefault(k.toLowerCase(Locale.ROOT), k)).toList());
        boolean comparable = keysComparable(srcKey, dstKey, keyNames, destination, findings);
        return new Result(src, dst, srcKey, dstKey, findings, comparable,
                comparable && (orderedDifferently(srcKey, dstKey) || crossEngine && textKey(srcKey)));
    }

    private static boolean textKey(List<Column> key) {
        return key.stream().anyMatch(c -> c.kind() == ColumnKind.TEXT);
    }

    private static void describeDifferences(Column s, Column d, List<SchemaFinding> findings, boolean crossEngine) {
        if (crossEngine) {
            TypeMapping.loss(s, d).ifPresent(reason -> findings.add(new SchemaFinding(SchemaFinding.Kind.TYPE_DIFFERENT,
                    s.name(), reason)));
        } else if (!s.columnType().equalsIgnoreCase(d.columnType())) {
            findings.add(new SchemaFinding(SchemaFinding.Kind.TYPE_DIFFERENT, s.name(),
                    s.columnType() + " on the source, " + d.columnType() + " on the destination"));
        }
        if (s.nullable() != d.nullable()) {
            findings.add(new SchemaFinding(SchemaFinding.Kind.NULLABILITY_DIFFERENT, s.name(),
                    nullText(s) + " on the source, " + nullText(d) + " on the destination"));
        }
        if (!crossEngine && !Objects.equals(s.collation(), d.collation())) {
            findings.add(new SchemaFinding(SchemaFinding.Kind.COLLATION_DIFFERENT, s.name(),
                    s.collation() + " on the source, " + d.collation() + " on the destination"));
        }
    }

    private static String nullText(Column c) {
        return c.nullable() ? "NULL" : "NOT NULL";
    }

    private static Column harmonise(Column c, boolean nullable, boolean freeForm) {
        Column out = c.withNullable(nullable);
        return freeForm && !c.kind().isFreeForm() ? out.withKind(ColumnKind.TEXT) : out;
    }

    private static List<Column> pick(List<Column> columns, List<String> names) {
        List<Column> picked = new ArrayList<>();
        for (String name : names) {
            columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().ifPresent(picked::add);
        }
        return picked;
    }

    private static boolean keysComparable(List<Column> srcKey, List<Column> dstKey, List<String> keyNames,
                                          TableSchema destination, List<SchemaFinding> findings) {
        if (keyNames.isEmpty()) {
            return true; // no key: compared as a multiset of rows
        }
        if (dstKey.size() != keyNames.size() || srcKey.size() != keyNames.size()) {
            findings.add(new SchemaFinding(SchemaFinding.Kind.KEY_DIFFERENT, null,
                    "key " + keyNames + " is not compared on both sides; rows are not compared"));
            return false;
        }
        for (int i = 0; i < srcKey.size(); i++) {
            Column s = srcKey.get(i);
            Column d = dstKey.get(i);
            boolean textKey = s.kind() == ColumnKind.TEXT && d.kind() == ColumnKind.TEXT;
            if (s.kind() != d.kind() || (!textKey && !Objects.equals(s.collation(), d.collation()))) {
                findings.add(new SchemaFinding(SchemaFinding.Kind.KEY_DIFFERENT, s.name(),
                        "key column orders differently (" + s.columnType() + " " + Objects.toString(s.collation(), "")
                                + " vs " + d.columnType() + " " + Objects.toString(d.collation(), "")
                                + "); rows are not compared"));
                return false;
            }
        }
        boolean unique = destination.uniqueKeys().stream().anyMatch(k -> sameColumns(k.columns(), keyNames));
        if (!unique) {
            findings.add(new SchemaFinding(SchemaFinding.Kind.KEY_DIFFERENT, null,
                    "the destination has no unique key on " + keyNames + "; duplicate keys there are reported as extra rows"));
        }
        return true;
    }

    /** Whether a text key column's collation or character set differs between the sides. */
    private static boolean orderedDifferently(List<Column> srcKey, List<Column> dstKey) {
        for (int i = 0; i < srcKey.size(); i++) {
            Column s = srcKey.get(i);
            Column d = dstKey.get(i);
            if (s.kind() == ColumnKind.TEXT && (!Objects.equals(s.collation(), d.collation())
                    || !Objects.equals(s.charset(), d.charset()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()
                .equals(b.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }
}
