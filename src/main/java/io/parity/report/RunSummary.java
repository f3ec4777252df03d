package io.parity.report;

import java.time.Instant;
import java.util.List;

/**
 * What {@code summary.json} holds (schema version {@value #SCHEMA_VERSION}).
 *
 * @param verdict      consistent, differences or incomplete
 * @param pausedMillis time the throttle held the run back (this process)
 * @param inFlight     how rows only in flight were kept out of the differences; null when not known (older runs)
 * @param hashing      where rows were hashed and why ({@code auto}: each side's place, with the measured times);
 *                     null when not known (older runs)
 */
public record RunSummary(int schemaVersion, String parityVersion, String job, long runId, String verdict,
                         Instant started, Instant ended, String source, String destination, String specFile,
                         String specSha256, String hash, long pausedMillis, InFlight inFlight,
                         List<TableSummary> tables, String error, String hashing) {

    /**
     * @param mode              gtid-fence, recheck-until-quiet or none
     * @param detail            why, in words
     * @param recheckWaitMillis how long re-checks waited for the destination in all
     */
    public record InFlight(String mode, String detail, long recheckWaitMillis) {

        /** One line for people: the mode, why, and the wait. */
        public String describe() {
            return mode + " (" + detail + ")" + (recheckWaitMillis > 0
                    ? String.format(java.util.Locale.ROOT, "; re-checks waited %.1f s", recheckWaitMillis / 1000.0) : "");
        }
    }

    public static final int SCHEMA_VERSION = 1;

    public RunSummary {
        tables = List.copyOf(tables);
    }

    /** A summary that does not say where rows were hashed. */
    public RunSummary(int schemaVersion, String parityVersion, String job, long runId, String verdict,
                      Instant started, Instant ended, String source, String destination, String specFile,
                      String specSha256, String hash, long pausedMillis, InFlight inFlight,
                      List<TableSummary> tables, String error) {
        this(schemaVersion, parityVersion, job, runId, verdict, started, ended, source, destination, specFile,
                specSha256, hash, pausedMillis, inFlight, tables, error, null);
    }

    public long rowDifferences() {
        return tables.stream().mapToLong(TableSummary::rowDifferences).sum();
    }

    /** The tables Parity could not compare, each with its reason. */
    public List<TableSummary> notCompared() {
        return tables.stream().filter(t -> t.reason() != null).toList();
    }

    public long schemaFindings() {
        return tables.stream().mapToLong(t -> t.schemaFindings().size()).sum();
    }
}
