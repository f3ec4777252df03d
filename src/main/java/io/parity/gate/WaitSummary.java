package io.parity.gate;

import io.parity.spec.Durations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened while a gate ran: how many observations, how long it waited, what moved between the first and the last
 * observation (the gate's own words, {@link Gate#movement}) and how it ended. A PASS after a wait says this, so "lag
 * passed" also tells that it took 40 s and the replica went from 7 s to 0 s behind.
 *
 * @param observations how many observations were taken
 * @param waited       time from the first observation to the decision
 * @param moved        what changed between the first and the last observation, empty after one observation
 * @param ended        {@code passed}, {@code failed} (the gate's own FAIL), {@code stuck} (FAIL at once: the replica
 *                     cannot recover by itself, see {@link StuckReplica}) or {@code timeout} (WAIT until the timeout)
 */
public record WaitSummary(int observations, Duration waited, String moved, String ended) {

    /** The clause appended to a PASS reason. */
    public String sentence() {
        if (observations <= 1) {
            return "passed at the first observation, no wait";
        }
        return "waited " + Durations.format(waited) + " over " + observations + " observations"
                + (moved.isEmpty() ? "" : "; meanwhile " + moved);
    }

    /** The evidence form. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("observations", observations);
        v.put("waited_ms", waited.toMillis());
        v.put("moved", moved);
        v.put("ended", ended);
        return v;
    }
}
