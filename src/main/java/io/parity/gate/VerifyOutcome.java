package io.parity.gate;

import java.time.Instant;

/**
 * What a verify run found, in the terms the {@code consistent} gate decides on.
 *
 * @param runId          the verify run's id
 * @param completed      whether the run checked everything
 * @param differingRows  rows missing, extra or changed
 * @param schemaFindings table definition differences
 * @param finishedAt     when it ended, or null if it did not
 * @param verdict        the run's verdict label, e.g. {@code CONSISTENT}
 * @param reportDir      the run's report directory, {@code <report-dir>/<job>/<runId>} under the {@code --report-dir}
 *                       of the command that asks
 */
public record VerifyOutcome(long runId, boolean completed, long differingRows, long schemaFindings, Instant finishedAt,
                            String verdict, java.nio.file.Path reportDir) {
}
