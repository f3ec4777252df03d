package io.parity.report;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.KeyValues;
import io.parity.repair.RowReader;
import io.parity.schema.Column;
import io.parity.schema.ColumnKind;
import io.parity.schema.SideTable;
import io.parity.schema.TablePlan;
import io.parity.store.StoredDiff;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads the first differing rows of each table from both sides, fresh, with the dialect's own row reader (the one
 * repair uses), and turns the values into display text: text as characters, binary as {@code 0x…}, DECIMAL with its
 * scale, DOUBLE in shortest round-trip form. Fresh reads mean the report shows the data as it is when the report is
 * written, which is what a reader acting on it will find.
 */
public final class SampleReader {

    /** Rows per table in the HTML report; every difference stays in {@code diffs.jsonl}. */
    public static final int PER_TABLE = 10;

    private final SideConnection source;
    private final SideConnection destination;

    private final io.parity.shard.ShardSet shards;

    public SampleReader(SideConnection source, SideConnection destination) {
        this(source, destination, null);
    }

    /** @param shards the sharded side's shards, whose rows are read from the shard a difference names; or null */
    public SampleReader(SideConnection source, SideConnection destination, io.parity.shard.ShardSet shards) {
        this.source = source;
        this.destination = destination;
        this.shards = shards;
    }

    public List<SampleRow> read(Map<String, TablePlan> plans, List<StoredDiff> diffs) {
        return read(plans, diffs, ReportMask.full());
    }

    /** The sample rows with values masked as {@code mask} says; with {@code samples: none} use {@link #keysOnly}. */
    public List<SampleRow> read(Map<String, TablePlan> plans, List<StoredDiff> diffs, ReportMask mask) {
        List<SampleRow> samples = new ArrayList<>();
        Map<String, Integer> taken = new java.util.HashMap<>();
        try (Connection s = source.dataSource().getConnection(); Connection d = destination.dataSource().getConnection()) {
            for (StoredDiff diff : diffs) {
                TablePlan plan = plans.get(diff.tableId());
                if (plan == null || !plan.comparable() || taken.merge(diff.tableId(), 1, Integer::sum) > PER_TABLE) {
                    continue;
                }
                boolean exact = plan.keyBytesOrder();
                SampleMasking masking = new SampleMasking(mask, plan);
                List<String> sourceValues = shardValues(io.parity.core.Side.SOURCE, plan, diff);
                List<String> destinationValues = shardValues(io.parity.core.Side.DESTINATION, plan, diff);
                samples.add(new SampleRow(diff.tableId(), diff.kind().label(), mask.keyText(diff.tableId(),
                        plan.source().keyNames(), diff.key()), plan.source().columnNames(),
                        masking.values(sourceValues != null ? sourceValues : sharded(io.parity.core.Side.SOURCE) ? null
                                : first(source, s, plan.source(), diff.key(), exact)),
                        masking.values(destinationValues != null ? destinationValues
                                : sharded(io.parity.core.Side.DESTINATION) ? null
                                : first(destination, d, plan.destination(), diff.key(), exact)), diff.columns(),
                        masking.unmasked(textColumns(plan.source()))));
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading sample rows for the report", source.side(), e);
        }
        return samples;
    }

    /**
     * With {@code samples: none}: the first differing keys of each table and the names of the differing columns,
     * nothing read from the databases.
     */
    public static List<SampleRow> keysOnly(Map<String, TablePlan> plans, List<StoredDiff> diffs, ReportMask mask) {
        List<SampleRow> samples = new ArrayList<>();
        Map<String, Integer> taken = new java.util.HashMap<>();
        for (StoredDiff diff : diffs) {
            TablePlan plan = plans.get(diff.tableId());
            if (plan == null || !plan.comparable() || taken.merge(diff.tableId(), 1, Integer::sum) > PER_TABLE) {
                continue;
            }
            samples.add(new SampleRow(diff.tableId(), diff.kind().label(), mask.keyText(diff.tableId(),
                    plan.source().keyNames(), diff.key()), List.of(), null, null, diff.columns(), List.of()));
        }
        return samples;
    }

    private boolean sharded(io.parity.core.Side side) {
        return shards != null && shards.side() == side;
    }

    /**
     * On a sharded side, the row as the shard the difference names holds it (the first, for a duplicate); null where
     * the side is not sharded or no shard holds the row.
     */
    private List<String> shardValues(io.parity.core.Side side, TablePlan plan, StoredDiff diff) throws SQLException {
        if (!sharded(side) || diff.shard() == null) {
            return null;
        }
        String name = diff.shard().split(",")[0];
        for (int i = 0; i < shards.shards().size(); i++) {
            if (shards.shards().get(i).name().equals(name)) {
                SideConnection shard = shards.shards().get(i).connection();
                try (Connection c = shard.dataSource().getConnection()) {
                    return first(shard, c, shards.tables(plan.id()).get(i), diff.key(), true);
                }
            }
        }
        return null;
    }

    private static List<String> textColumns(SideTable table) {
        return table.columns().stream().filter(c -> c.kind() == ColumnKind.TEXT || c.kind() == ColumnKind.JSON)
                .map(Column::name).toList();
    }

    private static List<String> first(SideConnection side, Connection c, SideTable table, KeyValues key,
                                      boolean exactKeys) {
        List<Object[]> rows = new RowReader(side, table, exactKeys).rows(c, key);
        if (rows.isEmpty()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            values.add(display(table.columns().get(i), rows.get(0)[i]));
        }
        return values;
    }

    static String display(Column column, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            boolean text = column.kind() == ColumnKind.TEXT || column.kind() == ColumnKind.JSON;
            return text ? new String(bytes, StandardCharsets.UTF_8) : "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Float f) {
            return Double.toString(f.doubleValue());
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.toLocalDate() + " " + TIME.format(t);
        }
        if (value instanceof java.time.LocalTime t) {
            return TIME.format(t);
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toLocalDate() + " " + TIME.format(t) + t.getOffset();
        }
        return value.toString();
    }

    /** Seconds always, fractional digits only as many as the value has. */
    private static final java.time.format.DateTimeFormatter TIME = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();
}
