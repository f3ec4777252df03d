package io.parity.batch;

import io.parity.chunk.ChunkWalker;
import io.parity.chunk.SegmentPlanner;
import io.parity.core.KeyCodec;
import io.parity.core.KeyRange;
import io.parity.schema.TablePlan;
import io.parity.verify.VerifyContext;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition per key segment of every comparable table. A small table is one partition; a large one is split into
 * up to {@code 2 x gridSize} segments so that several threads (or, later, machines) share it. Each partition's context
 * carries only the table id and the encoded segment bounds, so any worker can rebuild its reader from it.
 */
public final class TablePartitioner implements Partitioner {

    private final VerifyContext context;

    public TablePartitioner(VerifyContext context) {
        this.context = context;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        SegmentPlanner planner = new SegmentPlanner(new ChunkWalker(context.source()));
        int chunkRows = context.spec().options().chunkRows();
        int t = 0;
        for (TablePlan plan : context.plans()) {
            t++;
            if (!plan.comparable()) {
                continue;
            }
            // a table without a key is one partition: it is compared as a multiset in one grouped scan per side
            List<KeyRange> segments = plan.wholeTable() ? List.of(KeyRange.ALL)
                    : planner.plan(plan.source(), plan.estimatedRows(), chunkRows, 2 * gridSize,
                    context.cutsArithmetically(plan));
            for (int s = 0; s < segments.size(); s++) {
                ExecutionContext ctx = new ExecutionContext();
                ctx.putString(PartitionKeys.TABLE, plan.id());
                ctx.putInt(PartitionKeys.SEGMENT, s);
                ctx.putString(PartitionKeys.SEGMENT_LOWER, KeyCodec.encode(segments.get(s).lower()));
                ctx.putString(PartitionKeys.SEGMENT_UPPER, KeyCodec.encode(segments.get(s).upper()));
                partitions.put(String.format("t%03d-s%03d", t, s), ctx);
            }
        }
        return partitions;
    }
}
