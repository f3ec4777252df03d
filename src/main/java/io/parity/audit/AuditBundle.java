package io.parity.audit;

import io.parity.connect.ServerSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code audit.json} holds (version {@value #VERSION}).
 *
 * @param kind       {@code verify} or {@code cutover}
 * @param specText   the spec as written, with secrets redacted
 * @param ranBy      the operating-system user and host that ran Parity
 * @param sides      each side at the start and at the end of the run
 * @param files      sha256 of every file of the run's report directory (this file excepted), by relative path
 */
public record AuditBundle(int version, String parityVersion, String kind, String job, long runId, String specFile,
                          String specSha256, String specText, RanBy ranBy, Instant started, Instant ended,
                          List<Side> sides, Map<String, String> files) {

    public static final int VERSION = 1;
    public static final String FILE = "audit.json";

    /** Who ran it, from the process's environment. */
    public record RanBy(String user, String host) {
    }

    /** One side, seen when the run started and when it ended. */
    public record Side(String side, ServerSnapshot start, ServerSnapshot end) {
    }
}
