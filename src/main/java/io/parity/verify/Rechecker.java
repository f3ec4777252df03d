package io.parity.verify;

import io.parity.connect.ReplicationTopology;
import io.parity.core.KeyValues;
import io.parity.core.RowDiff;
import io.parity.reconcile.KeyRecheck;
import io.parity.schema.TablePlan;
import io.parity.spec.RecheckPolicy;
import io.parity.store.RunStore;
import io.parity.store.StoredDiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every difference of a run its life: found, then re-checked after a delay (with backoff), then confirmed or
 * resolved. Under live replication a row may differ only because the destination has not applied the latest change
 * yet; re-reading the row a little later tells an in-flight change from a real difference. Only confirmed
 * differences are reported and drive the exit code; resolved ones are counted.
 */
public final class Rechecker {

    /** Counts after a recheck. */
    public record Outcome(int checked, int resolved, int confirmed) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Rechecker.class);

    private final VerifyContext context;
    private final RunStore store;

    public Rechecker(VerifyContext context, RunStore store) {
        this.context = context;
        this.store = store;
    }

    /** Exactly {@code policy.attempts()} re-checks, as {@code parity recheck} asks. */
    public Outcome recheck(long runId, RecheckPolicy policy) {
        return recheck(runId, policy, false, context.consistency().fence()::afterSourceRead);
    }

    /**
     * Re-checks as the run's {@link Consistency} says: exactly {@code attempts}, or, when it settles, on past them
     * while the destination keeps applying writes, up to {@code maxWait}.
     */
    public Outcome recheckForRun(long runId, RecheckPolicy policy) {
        HeartbeatWait heartbeat = context.consistency().heartbeat();
        if (heartbeat == null) {
            return recheck(runId, policy, context.consistency().settles(), context.consistency().fence()::afterSourceRead);
        }
        // Each re-check reads the source's rows, then sends a heartbeat and reads the destination's once it shows the
        // heartbeat: the replicator applies in commit order, so the destination then holds at least what the source
        // read. A heartbeat that does not arrive within max-wait means the replicator does not carry it: the
        // destination's quiet intervals decide instead, as without a heartbeat.
        // A row written on the source between its read and the heartbeat can already be on the destination when that
        // is read (ahead, not behind): a second heartbeat-fenced re-check of what still differs tells it from a real
        // difference, which differs every time.
        RecheckPolicy twice = policy.attempts() == 1 ? new RecheckPolicy(2, policy.delay(), policy.multiplier(),
                policy.maxWait()) : policy;
        java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();
        Outcome outcome = recheck(runId, twice, false, true, () -> {
            if (!lost.get() && !heartbeat.sendAndAwait(policy.maxWait())) {
                lost.set(true);
                LOG.warn("the destination did not show Parity's heartbeat {} within recheck.max-wait; is the"
                        + " replicator carrying that table? Re-checking until the destination is quiet instead",
                        heartbeat.table());
            }
        });
        return lost.get() ? recheck(runId, policy, true, () -> { }) : outcome;
    }

    private Outcome recheck(long runId, RecheckPolicy policy, boolean settle) {
        return recheck(runId, policy, settle, () -> { });
    }

    /** Every re-check takes a destination row equal to the source's before or after it as no difference. */
    private Outcome recheck(long runId, RecheckPolicy policy, boolean settle, Runnable afterSource) {
        return recheck(runId, policy, settle, true, afterSource);
    }

    /**
     * @param afterSource   run between each re-check's source and destination reads (a fence, a heartbeat)
     * @param beforeOrAfter a destination row equal to the source's before or after it is read has no difference (the
     *                      heartbeat's re-checks: see {@link KeyRecheck#byKeyBeforeOrAfter})
     */
    private Outcome recheck(long runId, RecheckPolicy policy, boolean settle, boolean beforeOrAfter,
                            Runnable afterSource) {
        List<StoredDiff> pending = new ArrayList<>(store.diffs(runId).stream().filter(StoredDiff::confirmed).toList());
        int checked = pending.size();
        int resolved = 0;
        long started = System.nanoTime();
        boolean quiet = false;
        for (int attempt = 0; !pending.isEmpty() && policy.attempts() > 0; attempt++) {
            if (attempt >= policy.attempts() && (!settle || quiet
                    || waited(started).plus(policy.delayBefore(attempt)).compareTo(policy.maxWait()) > 0)) {
                break;
            }
            java.util.OptionalLong before = settle ? ReplicationTopology.writeActivity(context.destination())
                    : java.util.OptionalLong.empty();
            sleep(policy.delayBefore(attempt));
            java.util.OptionalLong after = settle ? ReplicationTopology.writeActivity(context.destination())
                    : java.util.OptionalLong.empty();
            // Unknown activity counts as quiet: an engine that cannot say gets the fixed attempts, not max-wait.
            quiet = before.isEmpty() || after.isEmpty() || before.getAsLong() == after.getAsLong();
            Map<StoredDiff, List<RowDiff>> now = checkNow(pending, afterSource, beforeOrAfter);
            List<StoredDiff> still = new ArrayList<>();
            for (StoredDiff d : pending) {
                List<RowDiff> current = now.get(d);
                if (current.isEmpty()) {
                    store.saveCheck(runId, d, StoredDiff.Status.RESOLVED, d.kind(), d.columns(), attempt + 1);
                    resolved++;
                } else {
                    RowDiff latest = current.get(0);
                    StoredDiff updated = new StoredDiff(d.tableId(), d.chunkId(), d.seq(), latest.kind(), d.key(),
                            latest.columns(), StoredDiff.Status.CONFIRMED);
                    store.saveCheck(runId, d, StoredDiff.Status.CONFIRMED, latest.kind(), latest.columns(), attempt + 1);
                    still.add(updated);
                }
            }
            pending = still;
        }
        context.addRecheckWait(waited(started).toMillis());
        return new Outcome(checked, resolved, pending.size());
    }

    private Map<StoredDiff, List<RowDiff>> checkNow(List<StoredDiff> pending, Runnable afterSource,
                                                    boolean beforeOrAfter) {
        Map<String, List<StoredDiff>> byTable = new LinkedHashMap<>();
        pending.forEach(d -> byTable.computeIfAbsent(d.tableId(), k -> new ArrayList<>()).add(d));
        Map<StoredDiff, List<RowDiff>> result = new LinkedHashMap<>();
        for (Map.Entry<String, List<StoredDiff>> e : byTable.entrySet()) {
            TablePlan plan = context.plan(e.getKey());
            List<KeyValues> keys = e.getValue().stream().map(StoredDiff::key).toList();
            Map<KeyValues, List<RowDiff>> now = context.shards().isPresent()
                    ? new io.parity.shard.ShardRecheck(plan, context.shards().get(), context.single()).byKey(keys, afterSource)
                    : beforeOrAfter ? new KeyRecheck(plan, context.source(), context.destination())
                            .byKeyBeforeOrAfter(keys, afterSource)
                    : new KeyRecheck(plan, context.source(), context.destination()).byKey(keys, afterSource);
            // Each difference found takes one of its key's differences now: of three copies of a row found missing, two
            // still missing confirm two and resolve the third.
            Map<KeyValues, java.util.Iterator<RowDiff>> left = new java.util.HashMap<>();
            for (StoredDiff d : e.getValue()) {
                java.util.Iterator<RowDiff> it = left.computeIfAbsent(d.key(),
                        k -> now.getOrDefault(k, List.of()).iterator());
                result.put(d, it.hasNext() ? List.of(it.next()) : List.of());
            }
        }
        return result;
    }

    private static java.time.Duration waited(long startedNanos) {
        return java.time.Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void sleep(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to re-check", e);
        }
    }
}
