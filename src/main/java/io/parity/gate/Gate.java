package io.parity.gate;

import io.parity.spec.GateDeclarations;
import io.parity.spec.GateSettings;

import java.util.List;
import java.util.Map;

/**
 * One check of the cutover runbook. A gate is stateless: {@link #observe} measures the servers once, and
 * {@link #decide} judges the series of observations taken so far against thresholds that come only from the spec.
 * Keeping the series outside the gate (in {@link GateRunner}) is what lets a gate such as {@code caught-up} ask "has
 * the delay been zero for 60 seconds" without a mutable counter, and what makes every decision reproducible from its
 * evidence.
 */
public interface Gate {

    /** The name used in specs, on the command line and in reports, e.g. {@code writes-stopped}. */
    String name();

    /** The gate's own settings and their kinds, as {@link GateDeclarations} declares them for the spec's validation. */
    default Map<String, GateSettings.Kind> settings() {
        return GateDeclarations.find(name()).map(GateDeclarations.Declaration::settings).orElse(Map.of());
    }

    /** Defaults that differ from the common ones, applied beneath what the spec says (see {@link GateDeclarations}). */
    default Map<String, Object> defaults() {
        return GateDeclarations.find(name()).map(GateDeclarations.Declaration::defaults).orElse(Map.of());
    }

    /**
     * Measures once. Throws {@link io.parity.core.ParityException} when it cannot measure (a gate that cannot measure
     * must not decide).
     */
    Observation observe(GateContext context, GateSettings settings);

    /** Judges the observations so far, oldest first, never empty. Pure: no I/O, no clock. */
    Decision decide(List<Observation> series, GateSettings settings);

    /**
     * What changed between the first and the last observation, in words, for the line of a gate that waited (e.g.
     * {@code "Seconds_Behind 7 s -> 0 s"}); empty after a single observation. Pure, like {@link #decide}. The default
     * sets the first observation's text beside the last one's.
     */
    default String movement(List<Observation> series) {
        if (series.size() < 2) {
            return "";
        }
        String first = series.get(0).text();
        String last = series.get(series.size() - 1).text();
        return first.equals(last) ? "nothing changed (" + last + ")" : "first: " + first + "; last: " + last;
    }
}
