package io.parity.serve;

import io.parity.spec.JobSpec;

/**
 * A job spec that {@code parity serve} runs.
 *
 * @param schedule the spec's cron expression as written
 */
public record ScheduledJob(JobSpec spec, String schedule) {

    public String name() {
        return spec.name();
    }
}
