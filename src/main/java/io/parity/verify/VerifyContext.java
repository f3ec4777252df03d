package io.parity.verify;

import io.parity.checksum.ChecksumPlan;
import io.parity.checksum.ChunkChecksummer;
import io.parity.chunk.ChunkSizer;
import io.parity.chunk.KeySpans;
import io.parity.connect.SideConnection;
import io.parity.core.HashAlgorithm;
import io.parity.core.ParityException;
import io.parity.reconcile.ChunkReconciler;
import io.parity.schema.TablePlan;
import io.parity.spec.Boundaries;
import io.parity.spec.JobSpec;
import io.parity.spec.Options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything one verification needs, resolved before the job starts: the spec, both connections, the hash, and the
 * table plans. Owns the connections and the executor that runs source-side queries beside destination-side ones.
 */
public final class VerifyContext implements AutoCloseable {

    private final JobSpec spec;
    private final SideConnection source;
    private final SideConnection destination;
    private final HashAlgorithm hash;
    private final Map<String, TablePlan> plans = new LinkedHashMap<>();
    private final ExecutorService executor;
    private final ChunkChecksummer checksummer;
    private final long preparedAt;
    private final Throttle throttle;
    private final Map<SegmentKey, SegmentState> segments = new ConcurrentHashMap<>();
    private final Consistency consistency;
    private final io.parity.connect.ServerSnapshot sourceAtStart;
    private final io.parity.connect.ServerSnapshot destinationAtStart;
    private final java.util.concurrent.atomic.AtomicLong recheckWaitMillis = new java.util.concurrent.atomic.AtomicLong();
    private final io.parity.shard.ShardSet shards;
    private final List<io.parity.connect.ServerSnapshot> othersAtStart;
    private final int parallelism;

    public VerifyContext(JobSpec spec, SideConnection source, SideConnection destination, ChecksumPlan checksums,
                         List<TablePlan> plans) {
        this(spec, source, destination, checksums, plans, null);
    }

    /** @param shards the sharded side's shards ({@code sources:} or {@code destinations:}), or null */
    public VerifyContext(JobSpec spec, SideConnection source, SideConnection destination, ChecksumPlan checksums,
                         List<TablePlan> plans, io.parity.shard.ShardSet shards) {
        this.spec = spec;
        this.shards = shards;
        this.source = source;
        this.destination = destination;
        this.hash = checksums.hash();
        this.parallelism = spec.options().parallelism(checksums.anyDistant());
        plans.forEach(p -> this.plans.put(p.id(), p));
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        // the two sides' snapshots at once: each is a few round trips to its server
        java.util.concurrent.CompletableFuture<io.parity.connect.ServerSnapshot> destinationSnapshot =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> io.parity.connect.ServerSnapshot.take(destination), VerifyPreparation.STARTING);
        this.sourceAtStart = io.parity.connect.ServerSnapshot.take(source);
        this.destinationAtStart = VerifyPreparation.joined(destinationSnapshot);
        this.othersAtStart = audited().stream().skip(2).map(io.parity.connect.ServerSnapshot::take).toList();
        this.consistency = shards != null ? Consistency.sharded(spec.options().fence(), shards.side())
                : Consistency.choose(spec.options().fence(), source, destination,
                spec.options().fenceTimeout(), spec.cutover().declared() ? spec.cutover().heartbeat() : null);
        this.checksummer = new ChunkChecksummer(source, destination, checksums, executor, consistency.fence());
        List<SideConnection> watched = new java.util.ArrayList<>(List.of(source, destination));
        if (shards != null) {
            shards.connections().stream().filter(c -> !watched.contains(c)).forEach(watched::add);
        }
        this.throttle = new Throttle(spec.options().throttle(), watched, source);
        this.preparedAt = System.nanoTime();
    }

    /** Each side as it was when the run was prepared, for the audit bundle: in {@link #audited()} order. */
    public List<io.parity.connect.ServerSnapshot> sidesAtStart() {
        List<io.parity.connect.ServerSnapshot> all = new java.util.ArrayList<>(List.of(sourceAtStart, destinationAtStart));
        all.addAll(othersAtStart);
        return all;
    }

    /** Every server the audit bundle describes: source, destination, then the sharded side's other shards. */
    public List<SideConnection> audited() {
        List<SideConnection> all = new java.util.ArrayList<>(List.of(source, destination));
        if (shards != null) {
            shards.connections().stream().skip(1).forEach(all::add);
        }
        return all;
    }

    /** How in-flight rows are kept out of this run's differences. */
    public Consistency consistency() {
        return consistency;
    }

    /** How long re-checks of this run waited for the destination, in all. */
    public long recheckWaitMillis() {
        return recheckWaitMillis.get();
    }

    void addRecheckWait(long millis) {
        recheckWaitMillis.addAndGet(millis);
    }

    /**
     * The state of one table segment, made on first use: chunk sizes start at {@code chunk-rows}; key density is kept
     * only where chunks may be cut arithmetically ({@link #cutsArithmetically}).
     */
    public SegmentState segment(String tableId, int segment) {
        return segments.computeIfAbsent(new SegmentKey(tableId, segment), k -> new SegmentState(
                new ChunkSizer(spec.options().chunkRows(), spec.options().chunkTime()),
                cutsArithmetically(plan(tableId)) ? new KeySpans() : null));
    }

    /**
     * Whether chunk and segment boundaries of this table may be found arithmetically and on row estimates
     * ({@code boundaries: arithmetic}, one integer key column on the source, a source engine with estimates).
     */
    public boolean cutsArithmetically(TablePlan plan) {
        return spec.options().boundaries() == Boundaries.ARITHMETIC && plan.source() != null
                && plan.source().singleIntegerKey() && source.engine().chunks().estimates().isPresent();
    }

    /** Runs work beside a partition thread: source-side queries, the next chunk's boundary. */
    public java.util.concurrent.Executor executor() {
        return executor;
    }

    /** When connecting and discovery finished ({@link System#nanoTime()}), for the report's timings. */
    public long preparedAt() {
        return preparedAt;
    }

    public Throttle throttle() {
        return throttle;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "parity-source-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Partitions checked at once: the spec's, or chosen from the sides' round trips ({@link Options#parallelism(boolean)}). */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Why more partitions run at once than {@link Options#DEFAULT_PARALLELISM}, for the report: e.g. {@code 4
     * partitions at once: the destination is 10.4 ms away}; empty when the spec set the number or no side is distant.
     */
    public java.util.Optional<String> describeParallelism() {
        if (spec.options().parallelism() != Options.CHOSEN || parallelism == Options.DEFAULT_PARALLELISM) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parallelism + " partitions at once: " + checksummer.plan().distance());
    }

    public JobSpec spec() {
        return spec;
    }

    public SideConnection source() {
        return source;
    }

    /** The shards of a sharded side ({@code sources:} or {@code destinations:}); empty for one database a side. */
    public java.util.Optional<io.parity.shard.ShardSet> shards() {
        return java.util.Optional.ofNullable(shards);
    }

    /** With a sharded side, the other side: the one database every shard's rows are compared with. */
    public SideConnection single() {
        return shards == null || shards.side() == io.parity.core.Side.SOURCE ? destination : source;
    }

    public SideConnection destination() {
        return destination;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    public List<TablePlan> plans() {
        return List.copyOf(plans.values());
    }

    public TablePlan plan(String tableId) {
        TablePlan plan = plans.get(tableId);
        if (plan == null) {
            throw ParityException.badInput("table " + tableId + " is no longer selected by the spec");
        }
        return plan;
    }

    public ChunkChecksummer checksummer() {
        return checksummer;
    }

    public ChunkReconciler reconciler(TablePlan plan) {
        return new ChunkReconciler(plan, source, destination, checksummer, executor, ChunkReconciler.DEFAULT_ROW_LIMIT,
                spec.options().reconcile() == io.parity.spec.Reconcile.ROW_HASHES);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        throttle.close();
        if (shards != null) {
            shards.close();
        }
        source.close();
        destination.close();
    }

    /** One table segment, as partitions name it. */
    private record SegmentKey(String tableId, int segment) {
    }
}
