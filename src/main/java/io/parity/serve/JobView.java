package io.parity.serve;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled job with its recent runs, newest first.
 *
 * @param running   a run of this job is in progress in this service
 * @param lastError the latest run's error when it failed before a verdict (e.g. a database was unreachable), else null
 */
public record JobView(String name, String schedule, Instant nextRun, boolean running, String lastVerdict,
                      String lastError, List<RunEntry> runs) {

    public JobView {
        runs = List.copyOf(runs);
    }
}
