package io.parity.checksum;

import io.parity.connect.SideConnection;
import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.ParityException;
import io.parity.engine.ServerChecksums;

import java.util.List;
import java.util.Optional;

/**
 * Where rows are hashed and with which hash, decided once per run from what was asked and what both engines offer.
 * Server hashing needs server checksums on both sides; an engine without them (the generic engine) is hashed in Java,
 * where every hash is available. With {@code client} both sides hash in Java in Parity's own encoding; with
 * {@code auto} both sides hash the servers' shared row encoding, each in the place {@link HashingPlaces} measures
 * to be faster, so the two sides may differ.
 *
 * @param hash       the per-row hash every chunk checksum sums
 * @param hashing    where chunk checksums are computed
 * @param bucketHash the hash of the pushed-down bucket checksums that narrow a mismatching chunk: with client hashing
 *                   the chunk's hash may be one the servers lack, and buckets only compare with each other, so the
 *                   servers' own hash serves
 */
public record ChecksumPlan(HashAlgorithm hash, Hashing hashing, HashAlgorithm bucketHash) {

    /** The plan for {@code wantedHash} (null: the engines' default) and {@code wantedHashing} between two sides. */
    public static ChecksumPlan choose(HashAlgorithm wantedHash, Hashing wantedHashing, SideConnection source,
                                      SideConnection destination) {
        Optional<ServerChecksums> src = source.engine().checksums().server();
        Optional<ServerChecksums> dst = destination.engine().checksums().server();
        // the servers hash comparable rows only when they build the same row encoding (PostgreSQL and MySQL do not)
        boolean servers = src.isPresent() && dst.isPresent()
                && src.get().serverEncoding().equals(dst.get().serverEncoding());
        if (wantedHashing == Hashing.CLIENT || !servers) {
            // Every hash is computed in Java; the two CRCs are the cheapest there (see RowHasher).
            HashAlgorithm hash = wantedHash == null ? HashAlgorithm.CRC64 : wantedHash;
            HashAlgorithm bucket = servers && both(src.get(), dst.get(), hash) ? hash : HashAlgorithm.SHA1;
            return new ChecksumPlan(hash, Hashing.CLIENT, bucket);
        }
        Hashing place = wantedHashing == Hashing.AUTO ? Hashing.AUTO : Hashing.SERVER;
        if (wantedHash == null) {
            HashAlgorithm preferred = src.get().hashes().get(0);
            HashAlgorithm hash = dst.get().hashes().contains(preferred) ? preferred : HashAlgorithm.SHA1;
            if (place == Hashing.AUTO && both(src.get(), dst.get(), HashAlgorithm.CRC64)
                    && (src.get().inJava().isPresent() || dst.get().inJava().isPresent())) {
                // Hashed in Java, the two CRCs cost a tenth of a digest (0.04 µs a row against 0.65 µs for SHA1
                // under the launcher's C1-only JIT); on the server they cost a little more than SHA1.
                hash = HashAlgorithm.CRC64;
            }
            return new ChecksumPlan(hash, place, hash);
        }
        for (SideConnection side : List.of(source, destination)) {
            if (!side.engine().checksums().server().orElseThrow().hashes().contains(wantedHash)) {
                throw ParityException.badInput("options.hash: " + wantedHash.specName() + " is not available on the "
                        + side.side().label() + " (" + side.engine().describe() + "); use hash: md5");
            }
        }
        return new ChecksumPlan(wantedHash, place, wantedHash);
    }

    private static boolean both(ServerChecksums source, ServerChecksums destination, HashAlgorithm hash) {
        return source.hashes().contains(hash) && destination.hashes().contains(hash);
    }
}
