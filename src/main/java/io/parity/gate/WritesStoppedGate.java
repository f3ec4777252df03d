package io.parity.gate;

import io.parity.core.Side;
import io.parity.spec.Durations;
import io.parity.spec.GateSettings;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code writes-stopped}: the source refuses writes ({@code read_only}, or {@code super_read_only} on MySQL) and its
 * binary log position has not moved for {@code stable-for} (default 10 s). The position excludes the heartbeat's GTID
 * domain when {@code cutover.heartbeat.gtid-domain-id} is set, so Parity's own heartbeats never count as writes; the
 * gate itself writes nothing. {@code read_only} OFF fails at once: waiting will not switch it on. On PostgreSQL the
 * setting is {@code default_transaction_read_only} (the database's own, else the system's) and the position is the
 * WAL LSN, which any write to the cluster moves.
 */
public final class WritesStoppedGate implements Gate {

    public static final String NAME = "writes-stopped";
    static final Duration DEFAULT_STABLE_FOR = Duration.ofSeconds(10);

    @Override
    public String name() {
        return NAME;
    }



    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        Long ignored = context.heartbeat().gtidDomainId();
        return context.on(Side.SOURCE, "reading read_only and the binary log position", (c, sql) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            String setting = sql.replication().readOnlyName();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery(sql.replication().readOnly())) {
                    rs.next();
                    values.put("read_only", rs.getLong(1) != 0 || rs.getLong(2) != 0);
                    values.put("super_read_only", rs.getLong(2) != 0);
                }
                try (ResultSet rs = st.executeQuery(sql.replication().gtidPosition())) {
                    rs.next();
                    String raw = rs.getString(1);
                    values.put("position_raw", raw == null ? "" : raw);
                    values.put("position", GtidPosition.withoutDomain(raw, ignored));
                }
            }
            if (!setting.equals("read_only")) {
                values.put("read_only_setting", setting);
            }
            String text = setting + " " + ((Boolean) values.get("read_only") ? "ON" : "OFF") + ", position "
                    + display(values.get("position"));
            return new Observation(context.clock().instant(), text, values);
        });
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        Duration stableFor = settings.duration("stable-for", DEFAULT_STABLE_FOR);
        Observation last = series.get(series.size() - 1);
        String setting = setting(last);
        if (!last.flag("read_only")) {
            return Decision.fail("the source accepts writes: " + setting + " is OFF (position "
                    + display(last.value("position")) + "); set " + setting + " = ON on the source first");
        }
        int first = series.size() - 1;
        while (first > 0 && series.get(first - 1).flag("read_only")
                && series.get(first - 1).value("position").equals(last.value("position"))) {
            first--;
        }
        Duration held = Duration.between(series.get(first).at(), last.at());
        if (held.compareTo(stableFor) >= 0) {
            return Decision.pass(setting + " ON and position " + display(last.value("position")) + " unchanged for "
                    + Durations.format(held) + " (stable-for " + Durations.format(stableFor) + ")");
        }
        String moved = first > 0 && series.get(first - 1).flag("read_only")
                ? "position moved from " + display(series.get(first - 1).value("position")) + " to "
                + display(last.value("position")) + " while " + setting + " was ON (a privileged session or a"
                + " replication channel still writes); "
                : "";
        return Decision.waitFor(moved + setting + " ON, position unchanged for " + Durations.format(held) + " of "
                + Durations.format(stableFor));
    }

    /** Whether the setting was switched and how often the position moved while the gate watched. */
    @Override
    public String movement(List<Observation> series) {
        if (series.size() < 2) {
            return "";
        }
        Observation first = series.get(0);
        Observation last = series.get(series.size() - 1);
        int moves = 0;
        for (int i = 1; i < series.size(); i++) {
            if (!series.get(i).value("position").equals(series.get(i - 1).value("position"))) {
                moves++;
            }
        }
        String position = moves == 0 ? "source position " + display(last.value("position")) + " did not move"
                : "source position moved " + moves + (moves == 1 ? " time" : " times") + ", "
                + display(first.value("position")) + " -> " + display(last.value("position"));
        return first.flag("read_only") == last.flag("read_only") ? position
                : setting(last) + " " + onOff(first) + " -> " + onOff(last) + ", " + position;
    }

    private static String onOff(Observation o) {
        return o.flag("read_only") ? "ON" : "OFF";
    }

    /** {@code read_only}, or the engine's own setting where the observation names one. */
    private static String setting(Observation o) {
        Object name = o.value("read_only_setting");
        return name == null ? "read_only" : name.toString();
    }

    private static String display(Object position) {
        String p = String.valueOf(position);
        return p.isEmpty() ? "(empty)" : p;
    }
}
