package io.parity.verify;

import io.parity.checksum.Fence;
import io.parity.connect.ReplicationTopology;
import io.parity.connect.SideConnection;
import io.parity.engine.ReplicaLink;
import io.parity.spec.FenceMode;

import java.time.Duration;
import java.util.Optional;

/**
 * How a run keeps rows that are only in flight out of its differences, decided once before the first chunk and said in
 * every report:
 * <ul>
 *   <li>{@link Mode#GTID_FENCE}: the destination replicates natively from the source and applies now (or
 *       {@code fence: gtid}): each chunk's destination side is read once it applied the source's GTID position.</li>
 *   <li>{@link Mode#UNTIL_QUIET}: Parity cannot see the replication (an external replicator, none at all, or a native
 *       one that is stopped): differences are re-checked until the destination applies nothing for an interval, up
 *       to {@code recheck.max-wait}.</li>
 *   <li>{@link Mode#AFTER_HEARTBEAT}: as {@code UNTIL_QUIET}, but the spec has a heartbeat table on the source
 *       ({@code cutover.heartbeat}, created by the lag gate): differences are re-checked once the destination shows
 *       a heartbeat written after the run's reads, up to {@code recheck.max-wait}.</li>
 *   <li>{@link Mode#NONE}: {@code fence: none}: exactly {@code recheck.attempts} re-checks.</li>
 * </ul>
 *
 * @param detail    why this mode, in words for the report
 * @param heartbeat the heartbeat to send, with {@code AFTER_HEARTBEAT}; null otherwise
 */
public record Consistency(Mode mode, String detail, Fence fence, HeartbeatWait heartbeat) {

    public Consistency(Mode mode, String detail, Fence fence) {
        this(mode, detail, fence, null);
    }

    public enum Mode {
        GTID_FENCE("gtid-fence"), UNTIL_QUIET("recheck-until-quiet"), AFTER_HEARTBEAT("recheck-after-heartbeat"),
        NONE("none");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether re-checks go on past {@code recheck.attempts} while the destination is still applying writes. */
    public boolean settles() {
        return mode == Mode.UNTIL_QUIET;
    }

    public static Consistency choose(FenceMode fence, SideConnection source, SideConnection destination,
                                     Duration fenceTimeout) {
        return choose(fence, source, destination, fenceTimeout, null);
    }

    /** @param heartbeat the spec's heartbeat table, when it has a {@code cutover:} block; null otherwise */
    public static Consistency choose(FenceMode fence, SideConnection source, SideConnection destination,
                                     Duration fenceTimeout, io.parity.spec.HeartbeatSettings heartbeat) {
        Consistency chosen = choose0(fence, source, destination, fenceTimeout);
        if (chosen.mode() != Mode.UNTIL_QUIET) {
            return chosen;
        }
        return HeartbeatWait.of(heartbeat, source, destination)
                .map(h -> new Consistency(Mode.AFTER_HEARTBEAT, chosen.detail().replace(
                        ": differences re-checked until the destination is quiet",
                        ": differences re-checked once the destination shows a heartbeat written after the reads ("
                                + h.table() + ")"), Fence.none(), h))
                .orElse(chosen);
    }

    /**
     * A sharded side replicates (if at all) from several servers, which one position cannot fence: differences are
     * re-checked until the single side is quiet, unless {@code fence: none}; {@code fence: gtid} is refused.
     */
    public static Consistency sharded(FenceMode fence, io.parity.core.Side side) {
        return switch (fence) {
            case NONE -> new Consistency(Mode.NONE, "fence: none", Fence.none());
            case GTID -> throw io.parity.core.ParityException.badInput("options.fence: gtid follows one replication"
                    + " stream, and the " + side.label() + " is sharded; use 'fence: auto' (re-checks until quiet) or"
                    + " 'fence: none'");
            case AUTO -> untilQuiet("the " + side.label() + " is sharded (several servers, no one position to fence)");
        };
    }

    private static Consistency choose0(FenceMode fence, SideConnection source, SideConnection destination,
                                       Duration fenceTimeout) {
        return switch (fence) {
            case NONE -> new Consistency(Mode.NONE, "fence: none", Fence.none());
            case GTID -> new Consistency(Mode.GTID_FENCE, "fence: gtid",
                    Fence.gtid(source, destination, fenceTimeout));
            case AUTO -> detect(source, destination, fenceTimeout);
        };
    }

    private static Consistency detect(SideConnection source, SideConnection destination, Duration fenceTimeout) {
        ReplicationTopology.Probe probe = ReplicationTopology.link(source, destination);
        Optional<ReplicaLink> link = probe.link();
        if (link.isPresent() && link.get().applying()) {
            Fence fence = Fence.gtid(source, destination, fenceTimeout);
            if (fence.hasPosition()) {
                String origin = link.get().sourceServerId() > 0 ? "server id " + link.get().sourceServerId()
                        : link.get().sourceSlot() != null ? "logical slot " + link.get().sourceSlot()
                        : "system " + link.get().sourceUuid();
                return new Consistency(Mode.GTID_FENCE, "the destination replicates from the source (" + origin
                        + "): each chunk read at the source's replication position", fence);
            }
            return untilQuiet("the destination replicates from the source, but the source has no GTID position");
        }
        if (link.isPresent()) {
            return untilQuiet("the destination's replication from the source is stopped");
        }
        if (probe.problem() != null) {
            return untilQuiet(probe.problem());
        }
        return untilQuiet("no native replication from the source seen on the destination");
    }

    private static Consistency untilQuiet(String why) {
        return new Consistency(Mode.UNTIL_QUIET, why + ": differences re-checked until the destination is quiet",
                Fence.none());
    }
}
