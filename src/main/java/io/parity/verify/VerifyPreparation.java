package io.parity.verify;

import io.parity.config.JobSpec;
import io.parity.connect.SideConnection;
import io.parity.core.HashAlgorithm;
import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.schema.TablePlan;

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
            requireSameEncoding(source, destination);
            HashAlgorithm hash = chooseHash(spec, source, destination);
            List<TablePlan> plans = new TableResolver(source, destination).resolve(spec.tables());
            return new VerifyContext(spec, source, destination, hash, plans);
        } catch (RuntimeException e) {
            source.close();
            if (destination != null) {
                destination.close();
            }
            throw e;
        }
    }

    /** Different encodings would make every row look changed: refuse instead of reporting false differences. */
    private static void requireSameEncoding(SideConnection source, SideConnection destination) {
        if (!source.dialect().rowEncodingName().equals(destination.dialect().rowEncodingName())) {
            throw ParityException.badInput("the source is " + source.dialect().describe() + " and the destination is "
                    + destination.dialect().describe() + ": Parity compares MySQL with MariaDB, and H2 with H2, but not"
                    + " across these families; compare like with like");
        }
    }

    private static HashAlgorithm chooseHash(JobSpec spec, SideConnection source, SideConnection destination) {
        HashAlgorithm wanted = spec.options().hash();
        if (spec.options().hashing() == io.parity.core.Hashing.CLIENT) {
            // Every hash is computed in Java; the two CRCs are the cheapest there (see RowHasher).
            return wanted == null ? HashAlgorithm.CRC64 : wanted;
        }
        if (wanted == null) {
            HashAlgorithm preferred = source.dialect().defaultHash();
            return destination.dialect().supports(preferred) ? preferred : HashAlgorithm.SHA1;
        }
        for (SideConnection side : List.of(source, destination)) {
            if (!side.dialect().supports(wanted)) {
                throw ParityException.badInput("options.hash: " + wanted.specName() + " is not available on the "
                        + side.side().label() + " (" + side.dialect().describe() + "); use hash: md5");
            }
        }
        return wanted;
    }
}
