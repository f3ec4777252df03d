package io.parity.report;

import io.parity.core.KeyValues;
import io.parity.schema.TablePlan;
import io.parity.spec.ReportPolicy;
import io.parity.spec.SampleMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which row values a report may show, per table, and their masked form ({@link KeyedHash}). Key values are shown, since
 * a reader needs them to find and repair the rows, unless {@code columns.mask} names the key column. Other values
 * follow {@code report.samples}: {@code full} masks the {@code columns.mask} columns only, {@code masked} masks every
 * one, {@code none} shows none. A table without a key is identified by a hash of its whole row, which is masked with
 * {@code masked} and when the table has {@code columns.mask} (a plain SHA1 of a short row can be reversed by trying
 * candidates); with {@code none} it stays, as the only way to find the row.
 * SQL NULL stays NULL: it is no value, and a NULL on one side is often the difference being looked for.
 */
public final class ReportMask {

    private static final ReportMask FULL = new ReportMask(SampleMode.FULL, null, Map.of());

    private final SampleMode samples;
    private final KeyedHash hash;
    private final Map<String, Set<String>> maskedByTable;

    private ReportMask(SampleMode samples, KeyedHash hash, Map<String, Set<String>> maskedByTable) {
        this.samples = samples;
        this.hash = hash;
        this.maskedByTable = maskedByTable;
    }

    /** Values as read, everywhere. */
    public static ReportMask full() {
        return FULL;
    }

    public static ReportMask of(ReportPolicy policy, List<TablePlan> plans) {
        Map<String, Set<String>> masked = new HashMap<>();
        for (TablePlan p : plans) {
            masked.put(p.id(), p.masked().stream().map(ReportMask::fold).collect(Collectors.toUnmodifiableSet()));
        }
        boolean masks = policy.samples() == SampleMode.MASKED || masked.values().stream().anyMatch(s -> !s.isEmpty());
        return new ReportMask(policy.samples(), masks ? new KeyedHash(policy.maskKey()) : null, masked);
    }

    /** Whether sample values are shown at all (masked or not). */
    public boolean showsValues() {
        return samples != SampleMode.NONE;
    }

    /** Whether any value is shown as a keyed hash. */
    public boolean masksAny() {
        return hash != null;
    }

    /** Whether the value of this non-key column is shown as a keyed hash. */
    boolean masksValue(String tableId, String column) {
        return samples == SampleMode.MASKED || masked(tableId).contains(fold(column));
    }

    /** Whether the value of this key column is shown as a keyed hash. */
    boolean masksKey(String tableId, String keyColumn) {
        return masked(tableId).contains(fold(keyColumn));
    }

    /** A table without a key is identified by a hash of its row: masked when its values are masked. */
    private boolean masksRowHash(String tableId) {
        return samples == SampleMode.MASKED || !masked(tableId).isEmpty();
    }

    /** The masked form of a display value of a column this mask masks. */
    String hashed(String display) {
        return hash.of(display);
    }

    /** Key values for {@code diffs.jsonl}: numbers stay numbers unless masked. */
    Map<String, Object> keyJson(String tableId, List<String> names, KeyValues key) {
        Map<String, Object> json = DiffJson.key(names, key);
        json.replaceAll((name, v) -> masksKeyPart(tableId, names, name) ? hash.of(String.valueOf(v)) : v);
        return json;
    }

    /** Key values as one line for people: {@code id=7, region='eu'}, masked parts as {@code email=hmac:…}. */
    String keyText(String tableId, List<String> names, KeyValues key) {
        List<String> parts = new ArrayList<>();
        DiffJson.key(names, key).forEach((name, v) -> parts.add(name + "=" + (masksKeyPart(tableId, names, name)
                ? hash.of(String.valueOf(v)) : v instanceof String s && !s.startsWith("0x") ? "'" + s + "'" : v)));
        return String.join(", ", parts);
    }

    /** With no key names the one part is the row's hash. */
    private boolean masksKeyPart(String tableId, List<String> names, String name) {
        return hash != null && (names.isEmpty() ? masksRowHash(tableId) : masksKey(tableId, name));
    }

    private Set<String> masked(String tableId) {
        return maskedByTable.getOrDefault(tableId, Set.of());
    }

    private static String fold(String column) {
        return column.toLowerCase(Locale.ROOT);
    }
}
