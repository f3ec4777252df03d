package io.parity.verify;

import io.parity.checksum.ChecksumPlan;
import io.parity.connect.SideConnection;
import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.schema.TablePlan;
import io.parity.shard.ShardSet;
import io.parity.spec.JobSpec;
import io.parity.spec.ShardLayout;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * From a validated spec to a ready {@link VerifyContext}: connect both sides, choose a row hash both engines support,
 * resolve the tables. Every failure here is reported before a run is created.
 */
public final class VerifyPreparation {

    private VerifyPreparation() {
    }

    public static VerifyContext prepare(JobSpec spec) {
        // Per partition thread: its checksum query and the next chunk's boundary query (see ChunkReader); two more
        // for the throttle's probes and re-checks.
        int pool = 2 * spec.options().mostParallelism() + 2;
        // Both sides connect at once: each connection costs round trips (TCP, TLS, authentication, the version query),
        // which a distant side makes slow. A source failure is reported first, as when they connected in turn.
        CompletableFuture<SideConnection> opening = CompletableFuture.supplyAsync(() -> SideConnection.open(
                Side.DESTINATION, spec.destination(), pool, spec.options().lockWaitTimeout()), STARTING);
        SideConnection source;
        try {
            source = SideConnection.open(Side.SOURCE, spec.source(), pool, spec.options().lockWaitTimeout());
        } catch (RuntimeException e) {
            opening.handle((d, t) -> {
                if (d != null) {
                    d.close();
                }
                return null;
            }).join();
            throw e;
        }
        SideConnection destination = null;
        ShardSet shards = null;
        try {
            destination = joined(opening);
            ShardLayout layout = spec.shards();
            if (layout.sharded()) {
                shards = ShardSet.open(layout, layout.side() == Side.SOURCE ? source : destination, pool,
                        spec.options().lockWaitTimeout());
            }
            if (encodings(source, destination, shards) > 1) {
                // different engines: every side reads rows in the portable encoding, which every engine shares
                SideConnection first = shards == null ? null : shards.connections().get(0);
                source = source.withEngine(source.engine().portable());
                destination = destination.withEngine(destination.engine().portable());
                if (shards != null) {
                    SideConnection firstNow = shards.side() == Side.SOURCE ? source : destination;
                    shards = shards.map(c -> c == first ? firstNow : c.withEngine(c.engine().portable()));
                }
                requireSameEncoding(source, destination);
            }
            // the sides' round trips choose auto's places and, when the spec leaves it open, the partitions at once
            boolean measure = spec.options().hashing() == io.parity.core.Hashing.AUTO
                    || spec.options().parallelism() == io.parity.spec.Options.CHOSEN;
            ChecksumPlan checksums = ChecksumPlan.choose(spec.options().hash(), spec.options().hashing(), source,
                    destination, measure ? io.parity.checksum.RoundTrips.measure(source, destination) : null);
            List<TablePlan> plans = new TableResolver(source, destination).resolve(spec.tables());
            if (shards != null) {
                plans = shards.resolve(plans);
                shards.checkDisjoint(plans, shards.side() == Side.SOURCE ? destination : source);
            }
            return new VerifyContext(spec, source, destination, checksums, plans, shards);
        } catch (RuntimeException e) {
            if (shards != null) {
                shards.close();
            }
            source.close();
            if (destination != null) {
                destination.close();
            }
            throw e;
        }
    }

    /**
     * Threads for the start of a run: one side's connection and snapshot while this thread does the other's, or the
     * job repository while both connect.
     */
    public static final java.util.concurrent.Executor STARTING = r -> {
        Thread t = new Thread(r, "parity-start");
        t.setDaemon(true);
        t.start();
    };

    /** The value of a future that ran on {@link #STARTING}, its failure rethrown as it was thrown. */
    public static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** How many row encodings the sides (and shards) use: more than one means reading all in the portable one. */
    private static long encodings(SideConnection source, SideConnection destination, ShardSet shards) {
        java.util.stream.Stream<SideConnection> all = java.util.stream.Stream.of(source, destination);
        if (shards != null) {
            all = java.util.stream.Stream.concat(all, shards.connections().stream());
        }
        return all.map(c -> c.engine().checksums().encoding()).distinct().count();
    }

    private static boolean sameEncoding(SideConnection source, SideConnection destination) {
        return source.engine().checksums().encoding().equals(destination.engine().checksums().encoding());
    }

    /** Different encodings would make every row look changed: refuse instead of reporting false differences. */
    private static void requireSameEncoding(SideConnection source, SideConnection destination) {
        if (!sameEncoding(source, destination)) {
            throw ParityException.badInput("the source is " + source.engine().describe() + " and the destination is "
                    + destination.engine().describe() + ": Parity compares MySQL with MariaDB, and H2 with H2, but not"
                    + " across these families; compare like with like");
        }
    }
}
