package io.parity.serve;

import java.time.Instant;

/**
 * One run of a job as the page and the API show it.
 *
 * @param status      Spring Batch's status (COMPLETED, FAILED, STARTED...)
 * @param verdict     consistent, differences, incomplete, or running
 * @param differences row differences plus schema findings: the trend's value
 * @param report      path of the run's report.html under this server, or null when none was written
 */
public record RunEntry(long runId, String status, String verdict, Instant started, Long durationMillis, long rows,
                       long chunks, long missing, long extra, long changed, long schemaFindings, long differences,
                       String report) {
}
