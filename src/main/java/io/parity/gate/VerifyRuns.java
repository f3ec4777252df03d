package io.parity.gate;

import io.parity.spec.JobSpec;

import java.util.Optional;

/**
 * Verify runs as the {@code consistent} gate sees them. The implementation that runs the real verify job lives with
 * the Spring Batch wiring; the gate only needs these two questions answered.
 */
public interface VerifyRuns {

    /** Runs a verification of the spec's tables now and returns its outcome. */
    VerifyOutcome runNow(JobSpec spec);

    /** The newest completed verify run of the spec's job, if any. */
    Optional<VerifyOutcome> latest(JobSpec spec);

    /** The keys of a run's differing rows (not those resolved on re-check), per table id, for a repair. */
    default java.util.Map<String, java.util.List<io.parity.core.KeyValues>> differingKeys(long runId) {
        throw new UnsupportedOperationException("this verifier keeps no differences");
    }
}
