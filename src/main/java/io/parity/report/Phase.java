package io.parity.report;

/** A timed part of a run (connect and discover, plan, verify), for the report's timings. */
public record Phase(String name, long millis) {
}
