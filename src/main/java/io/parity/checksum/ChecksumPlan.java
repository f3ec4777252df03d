package io.parity.checksum;

import io.parity.connect.SideConnection;
import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.core.ParityException;
import io.parity.engine.ServerChecksums;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where rows are hashed and with which hash, decided once per run from what was asked and what both engines offer.
 * Server hashing needs server checksums on both sides; an engine without them (the generic engine) is hashed in Java,
 * where every hash is available. With {@code client} both sides hash in Java in Parity's own encoding; with
 * {@code auto} each side hashes in the place {@link HashingPlaces} measures to be faster, so the two sides may differ:
 * a chunk hashed on one server is hashed in the servers' shared row encoding on both sides (rebuilt in Java on the
 * other), a chunk both sides hash in Java in Parity's own encoding (see {@link ChunkChecksummer}).
 *
 * @param hash       the per-row hash every chunk checksum sums
 * @param hashing    where chunk checksums are computed
 * @param bucketHash the hash of the pushed-down bucket checksums that narrow a mismatching chunk: with client hashing
 *                   the chunk's hash may be one the servers lack, and buckets only compare with each other, so the
 *                   servers' own hash serves
 */
public record ChecksumPlan(HashAlgorithm hash, Hashing hashing, HashAlgorithm bucketHash, String reason,
                           io.parity.core.Sides<Duration> roundTrips) {

    /** A side this far away (round trip) is likely to hash on its server under {@code hashing: auto}. */
    static final Duration DISTANT = Duration.ofMillis(2);

    public ChecksumPlan(HashAlgorithm hash, Hashing hashing, HashAlgorithm bucketHash) {
        this(hash, hashing, bucketHash, null, null);
    }

    public ChecksumPlan(HashAlgorithm hash, Hashing hashing, HashAlgorithm bucketHash, String reason) {
        this(hash, hashing, bucketHash, reason, null);
    }

    /** The same plan, knowing the sides' measured round trips (which {@link HashingPlaces} starts from). */
    ChecksumPlan withRoundTrips(io.parity.core.Sides<Duration> measured) {
        return new ChecksumPlan(hash, hashing, bucketHash, reason, measured);
    }

    /** Which side is {@link #DISTANT} and how far, e.g. {@code the destination is 10.4 ms away}; null when neither. */
    public String distance() {
        return roundTrips == null ? null : distant(roundTrips);
    }

    /** Whether either side is {@link #DISTANT}; false when not measured. */
    public boolean anyDistant() {
        return distant(io.parity.core.Side.SOURCE) || distant(io.parity.core.Side.DESTINATION);
    }

    /** Whether {@code side} is {@link #DISTANT}; false when not measured. */
    boolean distant(io.parity.core.Side side) {
        if (roundTrips == null) {
            return false;
        }
        Duration d = side == io.parity.core.Side.SOURCE ? roundTrips.source() : roundTrips.destination();
        return d.compareTo(DISTANT) >= 0;
    }

    /** The plan for {@code wantedHash} (null: the engines' default) and {@code wantedHashing} between two sides. */
    public static ChecksumPlan choose(HashAlgorithm wantedHash, Hashing wantedHashing, SideConnection source,
                                      SideConnection destination) {
        return choose(wantedHash, wantedHashing, source, destination, null);
    }

    /**
     * The same, knowing each side's measured round trip ({@code null}: not measured). Under {@code hashing: auto}
     * without {@code hash:}, the hash is chosen for where rows will most likely be hashed: {@code crc64} when both
     * sides are near (a CRC pair costs a tenth of a digest in Java, 0.04 µs a row against 0.65 µs for SHA1 under the
     * launcher's C1-only JIT), the servers' preferred digest when a side is {@link #DISTANT} (that side will hash on
     * its server, where SHA1 costs a quarter less than the CRC pair, whose encoding MariaDB builds twice).
     */
    public static ChecksumPlan choose(HashAlgorithm wantedHash, Hashing wantedHashing, SideConnection source,
                                      SideConnection destination, io.parity.core.Sides<Duration> roundTrips) {
        ChecksumPlan plan = choose0(wantedHash, wantedHashing, source, destination, roundTrips);
        return roundTrips == null ? plan : plan.withRoundTrips(roundTrips);
    }

    private static ChecksumPlan choose0(HashAlgorithm wantedHash, Hashing wantedHashing, SideConnection source,
                                        SideConnection destination, io.parity.core.Sides<Duration> roundTrips) {
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
                return autoHash(hash, roundTrips);
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

    /**
     * The plan of {@code hashing: auto} between two sides that both compute {@code crc64} and where at least one can
     * hash in Java: {@code crc64} when both are near (or not measured), else {@code digest}, with the reason.
     */
    static ChecksumPlan autoHash(HashAlgorithm digest, io.parity.core.Sides<Duration> roundTrips) {
        String far = roundTrips == null ? null : distant(roundTrips);
        if (far == null) {
            return new ChecksumPlan(HashAlgorithm.CRC64, Hashing.AUTO, HashAlgorithm.CRC64, roundTrips == null
                    ? "crc64: the cheapest hash in Parity"
                    : "crc64: both sides are near (round trips " + millis(roundTrips.source()) + " and "
                    + millis(roundTrips.destination()) + "), the cheapest hash in Parity");
        }
        return new ChecksumPlan(digest, Hashing.AUTO, digest, digest.specName() + ": " + far + ", which will likely"
                + " hash on its server, where " + digest.specName() + " is cheaper than crc64");
    }

    private static String distant(io.parity.core.Sides<Duration> roundTrips) {
        if (roundTrips.source().compareTo(DISTANT) >= 0) {
            return "the source is " + millis(roundTrips.source()) + " away";
        }
        if (roundTrips.destination().compareTo(DISTANT) >= 0) {
            return "the destination is " + millis(roundTrips.destination()) + " away";
        }
        return null;
    }

    static String millis(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    private static boolean both(ServerChecksums source, ServerChecksums destination, HashAlgorithm hash) {
        return source.hashes().contains(hash) && destination.hashes().contains(hash);
    }
}
