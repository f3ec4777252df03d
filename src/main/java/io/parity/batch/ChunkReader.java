package io.parity.batch;

import io.parity.chunk.Chunk;
import io.parity.chunk.ChunkWalker;
import io.parity.chunk.KeyCodec;
import io.parity.chunk.KeyRange;
import io.parity.schema.TablePlan;
import io.parity.verify.VerifyContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the chunks of one partition (a table segment) by walking the source's key index lazily, one boundary query
 * per chunk. Its restart point is the last chunk handed out, saved by Spring Batch after that chunk's result is
 * committed; a restarted partition continues with the next chunk and the same chunk ids.
 */
public class ChunkReader implements ItemStreamReader<Chunk> {

    private final VerifyContext context;
    private TablePlan plan;
    private int segmentNo;
    private KeyRange segment;
    private Chunk last;
    private boolean done;
    private ChunkWalker walker;

    public ChunkReader(VerifyContext context) {
        this.context = context;
    }

    @Override
    public void open(ExecutionContext ctx) {
        plan = context.plan(ctx.getString(PartitionKeys.TABLE));
        segmentNo = ctx.getInt(PartitionKeys.SEGMENT);
        segment = new KeyRange(KeyCodec.decode(ctx.getString(PartitionKeys.SEGMENT_LOWER)),
                KeyCodec.decode(ctx.getString(PartitionKeys.SEGMENT_UPPER)));
        walker = new ChunkWalker(context.source());
        if (ctx.containsKey(PartitionKeys.LAST_ORDINAL)) {
            last = new Chunk(plan.id(), segmentNo, ctx.getInt(PartitionKeys.LAST_ORDINAL),
                    new KeyRange(null, KeyCodec.decode(ctx.getString(PartitionKeys.LAST_UPPER))));
            done = ctx.containsKey(PartitionKeys.DONE);
        }
    }

    @Override
    public Chunk read() {
        if (done) {
            return null;
        }
        last = walker.next(plan.id(), plan.source(), segmentNo, segment, last, context.spec().options().chunkRows());
        done = ChunkWalker.isLast(last, segment);
        return last;
    }

    @Override
    public void update(ExecutionContext ctx) {
        if (last != null) {
            ctx.putInt(PartitionKeys.LAST_ORDINAL, last.ordinal());
            ctx.putString(PartitionKeys.LAST_UPPER, KeyCodec.encode(last.range().upper()));
        }
        if (done) {
            ctx.putString(PartitionKeys.DONE, "true");
        }
    }
}
