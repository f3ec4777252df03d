package io.parity.gate;

import java.time.Instant;

/**
 * What a verify run found, in the terms the {@code consistent} gate decides on.
 *
 * @param runId          the verify run's id (report at {@code reports/<job>/<runId>/})
 * @param completed      whether the run checked everything
 * @param differingRows  rows missing, extra or changed
 * @param schemaFindings table definition differences
 * @param finishedAt     when it ended, or null if it did not
 * @param verdict        the run's verdict label, e.g. {@code CONSISTENT}
 */
public record VerifyOutcome(long runId, boolean completed, long differingRows, long schemaFindings, Instant finishedAt,
                            String verdict) {
}
