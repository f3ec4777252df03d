package io.parity.verify;

import io.parity.checksum.ChecksumPlan;
import io.parity.checksum.ChunkChecksummer;
import io.parity.config.JobSpec;
import io.parity.connect.SideConnection;
import io.parity.core.HashAlgorithm;
import io.parity.core.ParityException;
import io.parity.reconcile.ChunkReconciler;
import io.parity.schema.TablePlan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final java.util.Map<String, io.parity.chunk.ChunkSizer> sizers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Throttle throttle;
    private final java.util.Map<String, DriftMemory> drift = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, io.parity.chunk.KeySpans> keySpans = new java.util.concurrent.ConcurrentHashMap<>();

    public VerifyContext(JobSpec spec, SideConnection source, SideConnection destination, ChecksumPlan checksums,
                         List<TablePlan> plans) {
        this.spec = spec;
        this.source = source;
        this.destination = destination;
        this.hash = checksums.hash();
        plans.forEach(p -> this.plans.put(p.id(), p));
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        this.checksummer = new ChunkChecksummer(source, destination, checksums, executor,
                spec.options().fence() ? io.parity.checksum.Fence.gtid(source, destination, spec.options().fenceTimeout())
                        : io.parity.checksum.Fence.none());
        this.throttle = new Throttle(spec.options().throttle(), List.of(source, destination));
        this.preparedAt = System.nanoTime();
    }

    /** The chunk sizer of one table segment, shared by its reader (which plans) and processor (which times). */
    public io.parity.chunk.ChunkSizer sizer(String tableId, int segment) {
        return sizers.computeIfAbsent(tableId + "#" + segment,
                k -> new io.parity.chunk.ChunkSizer(spec.options().chunkRows(), spec.options().chunkTime()));
    }

    /**
     * The key density of one table segment, shared by its reader (which cuts) and processor (which counts), when
     * its chunks may be cut arithmetically: {@code boundaries: arithmetic}, a key of one integer column on the source,
     * and a source dialect with row estimates. {@code null} otherwise: the reader walks the index.
     */
    public io.parity.chunk.KeySpans keySpans(io.parity.schema.TablePlan plan, int segment) {
        if (!cutsArithmetically(plan)) {
            return null;
        }
        return keySpans.computeIfAbsent(plan.id() + "#" + segment, k -> new io.parity.chunk.KeySpans());
    }

    /**
     * Whether chunk and segment boundaries of this table may be found arithmetically and on row estimates
     * ({@code boundaries: arithmetic}, one integer key column on the source, a source dialect with estimates).
     */
    public boolean cutsArithmetically(io.parity.schema.TablePlan plan) {
        return spec.options().boundaries() == io.parity.config.Boundaries.ARITHMETIC && plan.source() != null
                && plan.source().singleIntegerKey() && source.engine().chunks().estimates().isPresent();
    }

    /** How often recent chunks of one table segment differed (see {@link DriftMemory}). */
    public DriftMemory drift(String tableId, int segment) {
        return drift.computeIfAbsent(tableId + "#" + segment, k -> new DriftMemory());
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

    public JobSpec spec() {
        return spec;
    }

    public SideConnection source() {
        return source;
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
                spec.options().reconcile() == io.parity.config.Reconcile.ROW_HASHES);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        source.close();
        destination.close();
    }
}
