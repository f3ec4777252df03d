package io.parity.verify;

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

    private final VerifyContext context;
    private final RunStore store;

    public Rechecker(VerifyContext context, RunStore store) {
        this.context = context;
        this.store = store;
    }

    public Outcome recheck(long runId, RecheckPolicy policy) {
        List<StoredDiff> pending = new ArrayList<>(store.diffs(runId).stream().filter(StoredDiff::confirmed).toList());
        int checked = pending.size();
        int resolved = 0;
        for (int attempt = 0; attempt < policy.attempts() && !pending.isEmpty(); attempt++) {
            sleep(policy.delayBefore(attempt));
            Map<StoredDiff, List<RowDiff>> now = checkNow(pending);
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
        return new Outcome(checked, resolved, pending.size());
    }

    private Map<StoredDiff, List<RowDiff>> checkNow(List<StoredDiff> pending) {
        Map<String, List<StoredDiff>> byTable = new LinkedHashMap<>();
        pending.forEach(d -> byTable.computeIfAbsent(d.tableId(), k -> new ArrayList<>()).add(d));
        Map<StoredDiff, List<RowDiff>> result = new LinkedHashMap<>();
        for (Map.Entry<String, List<StoredDiff>> e : byTable.entrySet()) {
            TablePlan plan = context.plan(e.getKey());
            List<KeyValues> keys = e.getValue().stream().map(StoredDiff::key).toList();
            Map<KeyValues, List<RowDiff>> now = new KeyRecheck(plan, context.source(), context.destination()).byKey(keys);
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

    private static void sleep(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to re-check", e);
        }
    }
}
