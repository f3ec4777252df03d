package io.parity.shard;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.schema.Column;
import io.parity.schema.SideTable;
import io.parity.schema.TablePlan;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;
import io.parity.spec.ShardLayout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A sharded side at run time: every shard's connection (the first is the side's own connection), and per table the
 * table each shard holds, with the shard's {@code where} added to the table's. Built once the tables are resolved
 * against the first shard; a table that another shard lacks, or holds with other columns, is not compared and says
 * so.
 */
public final class ShardSet implements AutoCloseable {

    /** One shard: its name in reports, its connection, its row condition (or null) and its table renames. */
    public record Shard(String name, SideConnection connection, String where, Map<String, String> tables) {

        /**
         * {@code ref} (as the first shard names it) as this shard names it: the spec's {@code tables:} rename, in this
         * shard's default schema unless it names one; else the same table, in this shard's default schema where the
         * first shard's was its default (each shard's URL names its own database).
         */
        TableRef rename(TableRef ref, String firstDefault, String ownDefault) {
            String mapped = tables.get(ref.toString());
            if (mapped == null) {
                mapped = tables.get(ref.table());
            }
            if (mapped != null) {
                return TableRef.parse(mapped, ownDefault);
            }
            boolean defaultSchema = ref.schema() != null && ref.schema().equalsIgnoreCase(firstDefault);
            return defaultSchema && ownDefault != null ? new TableRef(ownDefault, ref.table()) : ref;
        }
    }

    private final Side side;
    private final List<Shard> shards;
    private final boolean disjoint;
    private final Map<String, List<SideTable>> tables = new LinkedHashMap<>();

    private ShardSet(Side side, List<Shard> shards, boolean disjoint) {
        this.side = side;
        this.shards = List.copyOf(shards);
        this.disjoint = disjoint;
    }

    /**
     * Connects to every shard but the first, whose connection is {@code first} (already open as the side's own). A
     * shard that cannot be reached closes the others and fails naming it.
     */
    public static ShardSet open(ShardLayout layout, SideConnection first, int pool, Duration lockWaitTimeout) {
        List<Shard> shards = new ArrayList<>();
        try {
            for (int i = 0; i < layout.shards().size(); i++) {
                ShardLayout.ShardEndpoint e = layout.shards().get(i);
                SideConnection c = i == 0 ? first : SideConnection.open(layout.side(), e.endpoint(), pool, lockWaitTimeout);
                shards.add(new Shard(e.name(), c, e.where(), e.tables()));
            }
        } catch (RuntimeException ex) {
            shards.stream().skip(1).forEach(s -> s.connection().close());
            throw ex;
        }
        return new ShardSet(layout.side(), shards, layout.disjoint());
    }

    /** The same shards with each connection's engine changed (the portable encoding, across engines). */
    public ShardSet map(UnaryOperator<SideConnection> engine) {
        return new ShardSet(side, shards.stream().map(s -> new Shard(s.name(), engine.apply(s.connection()), s.where(),
                s.tables())).toList(), disjoint);
    }

    public Side side() {
        return side;
    }

    public List<Shard> shards() {
        return shards;
    }

    public List<SideConnection> connections() {
        return shards.stream().map(Shard::connection).toList();
    }

    /**
     * The plans as a sharded side compares them: each shard's table found, the whole table merged in key byte order
     * (one order every server agrees on), and a table that cannot be merged not compared, with the reason.
     */
    public List<TablePlan> resolve(List<TablePlan> plans) {
        String firstDefault;
        SideConnection first = shards.get(0).connection();
        try (Connection c = first.dataSource().getConnection()) {
            firstDefault = first.engine().catalog().currentSchema(c);
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading its default schema", first.side(), e);
        }
        List<TablePlan> result = new ArrayList<>();
        for (TablePlan plan : plans) {
            if (!plan.comparable()) {
                result.add(plan);
                continue;
            }
            SideTable base = side == Side.SOURCE ? plan.source() : plan.destination();
            if (base.key().isEmpty()) {
                result.add(plan.notComparable("a sharded " + side.label() + " needs a key: without one it cannot be"
                        + " said which shard holds a row; add 'key: [...]' to the table's entry"));
                continue;
            }
            List<SideTable> perShard = new ArrayList<>();
            String problem = null;
            for (int i = 0; i < shards.size() && problem == null; i++) {
                Shard shard = shards.get(i);
                Object table = i == 0 ? base : describe(shard, base, firstDefault);
                if (table instanceof SideTable t) {
                    perShard.add(withWhere(t, shard.where()));
                } else {
                    problem = (String) table;
                }
            }
            if (problem != null) {
                result.add(plan.notComparable(problem + "; every shard must hold the table with the same columns"));
                continue;
            }
            tables.put(plan.id(), perShard);
            result.add(plan.mergedInKeyBytesOrder());
        }
        return result;
    }

    /** Each shard's table for a plan, in shard order. */
    public List<SideTable> tables(String planId) {
        List<SideTable> t = tables.get(planId);
        if (t == null) {
            throw new IllegalStateException("no shard tables for " + planId);
        }
        return t;
    }

    /**
     * With {@code shards: { disjoint: true }}: refuses when a row of any shard's table, or of the single side's,
     * meets the conditions of two shards (one scan per server and table).
     */
    public void checkDisjoint(List<TablePlan> plans, SideConnection single) {
        if (!disjoint) {
            return;
        }
        for (TablePlan plan : plans) {
            if (!plan.comparable() || !tables.containsKey(plan.id())) {
                continue;
            }
            SideTable other = side == Side.SOURCE ? plan.destination() : plan.source();
            List<SideTable> perShard = tables(plan.id());
            for (int i = 0; i <= shards.size(); i++) {
                SideConnection c = i < shards.size() ? shards.get(i).connection() : single;
                TableRef ref = i < shards.size() ? perShard.get(i).ref() : other.ref();
                String where = i < shards.size() ? shards.get(i).where() : null; // the shard's own rows only
                String tableWhere = i < shards.size() ? baseWhere(perShard.get(i), where) : other.where();
                long overlap = overlapping(c, ref, tableWhere);
                if (overlap > 0) {
                    throw ParityException.badInput("shards: " + overlap + " row(s) of " + ref + " on "
                            + (i < shards.size() ? "shard " + shards.get(i).name() : "the " + c.side().label())
                            + " meet the where of two shards, but 'shards: { disjoint: true }' declares them disjoint;"
                            + " fix the shards' where conditions; nothing was compared");
                }
            }
        }
    }

    private long overlapping(SideConnection side, TableRef ref, String tableWhere) {
        StringBuilder sum = new StringBuilder();
        for (Shard s : shards) {
            sum.append(sum.length() == 0 ? "" : " + ").append("CASE WHEN (").append(s.where()).append(") THEN 1 ELSE 0 END");
        }
        String quoted = (ref.schema() == null ? "" : side.engine().quote(ref.schema()) + ".")
                + side.engine().quote(ref.table());
        String sql = "SELECT COUNT(*) FROM " + quoted + " WHERE (" + sum + ") > 1"
                + (tableWhere == null ? "" : " AND (" + tableWhere + ")");
        try (Connection c = side.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw ConnectionErrors.during("checking that the shards' where conditions are disjoint on " + ref,
                    side.side(), e);
        }
    }

    /** The table's own where, without the shard's condition added by {@link #withWhere}. */
    private static String baseWhere(SideTable table, String shardWhere) {
        if (shardWhere == null || table.where() == null) {
            return table.where();
        }
        String added = "(" + shardWhere + ")";
        String w = table.where();
        if (w.equals(added)) {
            return null;
        }
        return w.endsWith(" AND " + added) ? w.substring(1, w.length() - added.length() - 6) : w;
    }

    private static SideTable withWhere(SideTable table, String where) {
        if (where == null) {
            return table;
        }
        String combined = table.where() == null ? "(" + where + ")" : "(" + table.where() + ") AND (" + where + ")";
        return new SideTable(table.ref(), table.key(), table.columns(), combined);
    }

    /**
     * The shard's table with the first shard's key and columns, matched by name, or the reason it cannot be merged
     * with the others (missing, a column missing or of another kind).
     */
    private static Object describe(Shard shard, SideTable base, String firstDefault) {
        TableRef ref;
        Optional<TableSchema> schema;
        try (Connection c = shard.connection().dataSource().getConnection()) {
            ref = shard.rename(base.ref(), firstDefault, shard.connection().engine().catalog().currentSchema(c));
            schema = shard.connection().engine().catalog().describe(c, ref);
        } catch (SQLException e) {
            throw ConnectionErrors.during("reading the columns of " + base.ref() + " on shard " + shard.name(),
                    shard.connection().side(), e);
        }
        if (schema.isEmpty()) {
            return "shard " + shard.name() + " has no table " + ref;
        }
        List<Column> columns = new ArrayList<>();
        for (Column c : base.columns()) {
            Optional<Column> found = schema.get().column(c.name());
            if (found.isEmpty()) {
                return "shard " + shard.name() + ": " + ref + " has no column " + c.name();
            }
            if (found.get().kind() != c.kind()) {
                return "shard " + shard.name() + ": column " + c.name() + " of " + ref + " is "
                        + found.get().columnType() + " where the first shard's is " + c.columnType();
            }
            columns.add(found.get());
        }
        List<Column> key = base.key().stream().map(k -> schema.get().column(k.name()).orElseThrow()).toList();
        return new SideTable(ref, key, columns, base.where());
    }

    @Override
    public void close() {
        shards.stream().skip(1).forEach(s -> s.connection().close());
    }
}
