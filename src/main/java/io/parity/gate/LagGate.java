package io.parity.gate;

import io.parity.spec.Durations;
import io.parity.spec.GateSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code lag}: replication delay below {@code max-delay} (default 5 s), measured two ways: a heartbeat written on the
 * source must be visible on the destination within {@code max-delay}, and where the destination is a native replica,
 * both replica threads must run with {@code Seconds_Behind_*} below the same threshold. Delay can shrink, so an
 * unmet threshold is WAIT; the runner polls until {@code timeout} (default 5 m). On PostgreSQL a standby's WAL
 * receiver must stream and its replay run, with the age of what it has not replayed below the threshold; a logical
 * subscriber's apply worker must run, its delay measured by the heartbeat alone. The replicas the source streams to
 * ({@code pg_stat_replication}: bytes and replay delay per standby) are in the evidence. A replica that cannot recover
 * by itself (see {@link StuckReplica}: a stopped thread, a replication error, paused replay, a disabled subscription)
 * fails the gate at once.
 */
public final class LagGate implements Gate {

    public static final String NAME = "lag";
    static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(5);

    @Override
    public String name() {
        return NAME;
    }



    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        Duration max = settings.duration("max-delay", DEFAULT_MAX_DELAY);
        Heartbeat.Beat beat = Heartbeat.forward(context, max);
        ReplicaStatus replica = ReplicaStatus.read(context);
        Map<String, Object> values = new LinkedHashMap<>(beat.values("heartbeat"));
        values.putAll(replica.values());
        String text = beat.describe("heartbeat") + "; " + replica.describe();
        Optional<List<Map<String, Object>>> downstream = Downstream.read(context);
        if (downstream.isPresent()) {
            values.put("source_replicas", downstream.get());
            text += "; " + Downstream.describe(downstream.get());
        }
        return new Observation(context.clock().instant(), text, values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        Duration max = settings.duration("max-delay", DEFAULT_MAX_DELAY);
        Observation last = series.get(series.size() - 1);
        List<String> problems = problems(last, max);
        if (problems.isEmpty()) {
            return Decision.pass("replication delay below " + Durations.format(max) + ": " + last.text());
        }
        String waitingFor = String.join("; ", problems) + " (max-delay " + Durations.format(max) + ")";
        List<String> stuck = StuckReplica.reasons(last);
        return stuck.isEmpty() ? Decision.waitFor(waitingFor) : Decision.fail(StuckReplica.failure(waitingFor, stuck));
    }

    @Override
    public String movement(List<Observation> series) {
        return replicaMovement(series);
    }

    /**
     * The heartbeat delay and the replica's own delay at the first and the last observation, and any thread that
     * changed state, e.g. {@code heartbeat not visible after 7 s -> 120 ms, Seconds_Behind 7 s -> 0 s}. Shared with
     * {@code caught-up}.
     */
    static String replicaMovement(List<Observation> series) {
        if (series.size() < 2) {
            return "";
        }
        Observation first = series.get(0);
        Observation last = series.get(series.size() - 1);
        List<String> parts = new ArrayList<>();
        parts.add("heartbeat " + beat(first) + " -> " + beat(last));
        if (last.flag("native_replica")) {
            ReplicaWords words = ReplicaWords.of(last.value("replica_kind"));
            if (words.delayReported()) {
                parts.add(words.delay() + " " + behind(first) + " -> " + behind(last));
            }
            for (String[] thread : new String[][]{{"io_running", words.receiver()}, {"sql_running", words.applier()}}) {
                Object was = first.value(thread[0]);
                Object is = last.value(thread[0]);
                if (!String.valueOf(was).equals(String.valueOf(is))) {
                    parts.add(thread[1] + " " + was + " -> " + is);
                }
            }
        }
        return String.join(", ", parts);
    }

    private static String beat(Observation o) {
        Long ms = o.number("heartbeat_delay_ms");
        String delay = ms == null ? "?" : Durations.format(Duration.ofMillis(ms));
        return o.flag("heartbeat_visible") ? delay : "not visible after " + delay;
    }

    private static String behind(Observation o) {
        Long s = o.number("seconds_behind");
        return s == null ? "NULL" : s + " s";
    }

    /** What keeps one observation from passing, in words; empty when it passes. Shared with {@code caught-up}. */
    static List<String> problems(Observation o, Duration max) {
        List<String> problems = new ArrayList<>();
        long delay = o.number("heartbeat_delay_ms");
        if (!o.flag("heartbeat_visible")) {
            problems.add("heartbeat not visible on the destination after " + Durations.format(Duration.ofMillis(delay)));
        } else if (delay >= max.toMillis()) {
            problems.add("heartbeat delay " + Durations.format(Duration.ofMillis(delay)));
        }
        if (o.flag("native_replica")) {
            ReplicaWords words = ReplicaWords.of(o.value("replica_kind"));
            if (!"Yes".equalsIgnoreCase(String.valueOf(o.value("io_running")))) {
                problems.add(words.receiver() + " is " + o.value("io_running"));
            }
            if (!"Yes".equalsIgnoreCase(String.valueOf(o.value("sql_running")))) {
                problems.add(words.applier() + " is " + o.value("sql_running"));
            }
            Long behind = o.number("seconds_behind");
            if (behind == null && words.delayReported()) {
                problems.add(words.delay() + " is NULL");
            } else if (behind != null && behind * 1000 >= max.toMillis()) {
                problems.add(words.delay() + " " + behind + " s");
            }
        }
        return problems;
    }

    /** How a replica's parts are called in problems: MySQL's threads, a standby's receiver and replay. */
    record ReplicaWords(String receiver, String applier, String delay, boolean delayReported) {

        static ReplicaWords of(Object kind) {
            if ("standby".equals(kind)) {
                return new ReplicaWords("standby WAL receiver", "standby replay (No = paused)", "replay delay", true);
            }
            if ("subscription".equals(kind)) {
                return new ReplicaWords("subscription apply worker", "subscription enabled", "delay", false);
            }
            return new ReplicaWords("replica IO thread", "replica SQL thread", "Seconds_Behind", true);
        }
    }
}
