package io.parity.verify;

import io.parity.checksum.ChecksumPlan;
import io.parity.connect.SideConnection;
import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.schema.TablePlan;
import io.parity.spec.JobSpec;

import java.util.List;

/**
 * From a validated spec to a ready {@link VerifyContext}: connect both sides, choose a row hash both engines support,
 * resolve the tables. Every failure here is reported before a run is created.
 */
public final class VerifyPreparation {

    private VerifyPreparation() {
    }

    public static VerifyContext prepare(JobSpec spec) {
        // Per partition thread: its checksum query and the next chunk's boundary query (see ChunkReader); two more
        // for the throttle's probes and re-checks.
        int pool = 2 * spec.options().parallelism() + 2;
        SideConnection source = SideConnection.open(Side.SOURCE, spec.source(), pool, spec.options().lockWaitTimeout());
        SideConnection destination = null;
        try {
            destination = SideConnection.open(Side.DESTINATION, spec.destination(), pool, spec.options().lockWaitTimeout());
            if (!sameEncoding(source, destination)) {
                // different engines: both read rows in the portable encoding, which every engine shares
                source = source.withEngine(source.engine().portable());
                destination = destination.withEngine(destination.engine().portable());
                requireSameEncoding(source, destination);
            }
            ChecksumPlan checksums = ChecksumPlan.choose(spec.options().hash(), spec.options().hashing(), source,
                    destination);
            List<TablePlan> plans = new TableResolver(source, destination).resolve(spec.tables());
            return new VerifyContext(spec, source, destination, checksums, plans);
        } catch (RuntimeException e) {
            source.close();
            if (destination != null) {
                destination.close();
            }
            throw e;
        }
    }

    private static boolean sameEncoding(SideConnection source, SideConnection destination) {
        return source.engine().checksums().encoding().equals(destination.engine().checksums().encoding());
    }

    /** Different encodings would make every row look changed: refuse instead of reporting false differences. */
    private static void requireSameEncoding(SideConnection source, SideConnection destination) {
        if (!sameEncoding(source, destination)) {
            throw ParityException.badInput("the source is " + source.engine().describe() + " and the destination is "
                    + destination.engine().describe() + ": Parity compares MySQL with MariaDB, and H2 with H2, but not"
                    + " across these families; compare like with like");
        }
    }
}
