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

    /**
     * The sample rows with values masked as {@code mask} says; with {@code samples: none} use {@link #keysOnly}. Each
     * side's rows are read at once by up to {@value #READERS} connections, both sides at the same time: a row is a
     * round trip, and read one after another, side after side, a distant side's were most of the time between the
     * last chunk and the exit (measured: 10 rows, the destination 10 ms away, 0.1 s).
     */
    public List<SampleRow> read(Map<String, TablePlan> plans, List<StoredDiff> diffs, ReportMask mask) {
        List<StoredDiff> chosen = new ArrayList<>();
        Map<String, Integer> taken = new java.util.HashMap<>();
        for (StoredDiff diff : diffs) {
            TablePlan plan = plans.get(diff.tableId());
            if (plan == null || !plan.comparable() || taken.merge(diff.tableId(), 1, Integer::sum) > PER_TABLE) {
                continue;
            }
            chosen.add(diff);
        }
        java.util.concurrent.CompletableFuture<List<List<String>>> other = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> values(io.parity.core.Side.DESTINATION, plans, chosen), SampleReader::daemon);
        List<List<String>> sourceRows;
        List<List<String>> destinationRows;
        try {
            sourceRows = values(io.parity.core.Side.SOURCE, plans, chosen);
        } finally {
            destinationRows = joined(other);
        }
        List<SampleRow> samples = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            StoredDiff diff = chosen.get(i);
            TablePlan plan = plans.get(diff.tableId());
            SampleMasking masking = new SampleMasking(mask, plan);
            samples.add(new SampleRow(diff.tableId(), diff.kind().label(), mask.keyText(diff.tableId(),
                    plan.source().keyNames(), diff.key()), plan.source().columnNames(),
                    masking.values(sourceRows.get(i)), masking.values(destinationRows.get(i)), diff.columns(),
                    masking.unmasked(textColumns(plan.source()))));
        }
        return samples;
    }

    /** Connections a side's sample rows are read on at once. */
    static final int READERS = 4;

    /** The display values of each chosen difference's row on {@code side}, in order; null where the side has none. */
    private List<List<String>> values(io.parity.core.Side side, Map<String, TablePlan> plans, List<StoredDiff> chosen) {
        SideConnection connection = side == io.parity.core.Side.SOURCE ? source : destination;
        List<List<String>> values = new ArrayList<>(java.util.Collections.nCopies(chosen.size(), null));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<Void> reader = () -> {
            try (Connection c = connection.dataSource().getConnection()) {
                for (int i = next.getAndIncrement(); i < chosen.size(); i = next.getAndIncrement()) {
                    StoredDiff diff = chosen.get(i);
                    TablePlan plan = plans.get(diff.tableId());
                    List<String> shard = shardValues(side, plan, diff);
                    List<String> row = shard != null ? shard : sharded(side) ? null : first(connection, c,
                            side == io.parity.core.Side.SOURCE ? plan.source() : plan.destination(), diff.key(),
                            plan.keyBytesOrder());
                    synchronized (values) {
                        values.set(i, row);
                    }
                }
            } catch (SQLException e) {
                throw ConnectionErrors.during("reading sample rows for the report", side, e);
            }
            return null;
        };
        int readers = Math.max(1, Math.min(Math.min(READERS, chosen.size()), connection.poolSize()));
        List<java.util.concurrent.CompletableFuture<Void>> others = new ArrayList<>();
        for (int r = 1; r < readers; r++) {
            others.add(java.util.concurrent.CompletableFuture.supplyAsync(reader, SampleReader::daemon));
        }
        try {
            reader.get();
        } finally {
            others.forEach(SampleReader::joined);
        }
        synchronized (values) {
            return new ArrayList<>(values);
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "parity-samples");
        t.setDaemon(true);
        t.start();
    }

    /** The future's value, its failure rethrown as it was thrown. */
    private static <T> T joined(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
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
