package io.parity.shard;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.ChecksumPair;
import io.parity.core.HashAlgorithm;
import io.parity.core.RowDiff;
import io.parity.core.RowHasher;
import io.parity.core.RowImage;
import io.parity.core.Side;
import io.parity.engine.KeyBytesRows;
import io.parity.reconcile.KeyOrder;
import io.parity.reconcile.RowMerger;
import io.parity.schema.SideTable;
import io.parity.schema.TablePlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a table of a sharded side with the single side in one pass: every shard and the single side stream their
 * rows in the order of the keys' UTF-8 bytes ({@link KeyBytesRows#inKeyBytesOrder}, an order every engine and
 * collation agrees on), and one k-way merge pairs the rows of each key ({@link ShardRows}). The sharded side's
 * checksum is the sum of its shards' rows, so a row held twice never cancels out. Rows read per shard are counted
 * for the report.
 */
public final class ShardMerge {

    /** Both sides' checksums, the differing rows and the rows read from each shard (in shard order). */
    public record Result(ChecksumPair checksums, List<RowDiff> diffs, Map<String, Long> shardRows) {
    }

    private final TablePlan plan;
    private final ShardSet shards;
    private final SideConnection single;
    private final HashAlgorithm hash;

    public ShardMerge(TablePlan plan, ShardSet shards, SideConnection single, HashAlgorithm hash) {
        this.plan = plan;
        this.shards = shards;
        this.single = single;
        this.hash = hash;
    }

    public Result compare() {
        Side sharded = shards.side();
        KeyOrder order = KeyOrder.byKeyBytes(plan.source().key());
        List<String> names = shards.shards().stream().map(ShardSet.Shard::name).toList();
        ShardRows rows = new ShardRows(plan.id(), sharded,
                new RowMerger(plan.id(), order, plan.source().columnNames()), names);
        SideTable singleTable = sharded == Side.SOURCE ? plan.destination() : plan.source();
        List<SideTable> tables = shards.tables(plan.id());
        int n = tables.size();
        RowHasher shardedHash = new RowHasher(hash);
        RowHasher singleHash = new RowHasher(hash);
        long[] counts = new long[n];
        List<RowDiff> diffs = new ArrayList<>();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            Stream singleStream = Stream.open(single, singleTable, open, plan.id());
            Stream[] streams = new Stream[n];
            for (int i = 0; i < n; i++) {
                streams[i] = Stream.open(shards.shards().get(i).connection(), tables.get(i), open, plan.id());
            }
            while (true) {
                RowImage min = singleStream.head;
                for (Stream s : streams) {
                    if (s.head != null && (min == null || order.compare(s.head, min) < 0)) {
                        min = s.head;
                    }
                }
                if (min == null) {
                    break;
                }
                RowImage[] perShard = new RowImage[n];
                for (int i = 0; i < n; i++) {
                    if (streams[i].head != null && order.compare(streams[i].head, min) == 0) {
                        perShard[i] = streams[i].head;
                        shardedHash.add(perShard[i].values());
                        counts[i]++;
                        streams[i].advance();
                    }
                }
                RowImage singleRow = null;
                if (singleStream.head != null && order.compare(singleStream.head, min) == 0) {
                    singleRow = singleStream.head;
                    singleHash.add(singleRow.values());
                    singleStream.advance();
                }
                diffs.addAll(rows.diffs(perShard, singleRow));
            }
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception ignored) {
                    // closing a finished stream: nothing to report
                }
            }
        }
        Map<String, Long> perShard = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            perShard.put(names.get(i), counts[i]);
        }
        ChecksumPair pair = sharded == Side.SOURCE ? new ChecksumPair(shardedHash.result(), singleHash.result())
                : new ChecksumPair(singleHash.result(), shardedHash.result());
        return new Result(pair, diffs, perShard);
    }

    /** One side's or shard's rows of the table, streamed in key byte order, with the current row at hand. */
    private static final class Stream {
        private final SideConnection side;
        private final SideTable table;
        private final ResultSet rs;
        private final String tableId;
        private RowImage head;

        private Stream(SideConnection side, SideTable table, ResultSet rs, String tableId) {
            this.side = side;
            this.table = table;
            this.rs = rs;
            this.tableId = tableId;
        }

        static Stream open(SideConnection side, SideTable table, List<AutoCloseable> open, String tableId) {
            try {
                Connection c = side.dataSource().getConnection();
                open.add(c);
                KeyBytesRows rows = side.engine().rows().keyBytesOrder().orElseThrow();
                PreparedStatement ps = rows.streaming(c, rows.inKeyBytesOrder(table));
                open.add(ps);
                ResultSet rs = ps.executeQuery();
                open.add(rs);
                Stream s = new Stream(side, table, rs, tableId);
                s.advance();
                return s;
            } catch (SQLException e) {
                throw ConnectionErrors.during("reading the rows of " + table.ref() + " in key byte order", side.side(), e);
            }
        }

        void advance() {
            try {
                head = rs.next() ? side.engine().rows().readRow(rs, table) : null;
            } catch (SQLException e) {
                throw ConnectionErrors.during("reading the rows of " + tableId + " in key byte order", side.side(), e);
            }
        }
    }
}
