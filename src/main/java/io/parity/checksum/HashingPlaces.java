package io.parity.checksum;

import io.parity.core.Hashing;
import io.parity.core.Side;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where each side hashes its chunks under {@code hashing: auto}, chosen from what the run measures. Both places give
 * the same checksum (the server's row encoding, hashed by the server or rebuilt and hashed in Java), so each side
 * takes the place that is faster for it: the server when the link is slow or narrow (three numbers cross it instead
 * of every row), Parity when the server's CPU is the bottleneck (the server then only reads and sends values).
 *
 * <p>The measure is each side's elapsed time per row of its chunk checksums, which holds the server's work, the
 * link's round trip and throughput, and Parity's hashing. Each side first tries both places, alternating: a near
 * side starts in Java and times {@value #PROBES} Java chunks after its first (which runs code the JIT has not
 * compiled yet) and {@value #NEAR_SERVER_PROBES} server chunks (each costs the server's CPU), or one when that one
 * already cost more than {@value #CLEAR}× Java's time; a distant one ({@link ChecksumPlan#DISTANT}) starts on its
 * server and times {@value #PROBES} server chunks and one Java chunk (each costs its rows' transfer). It then keeps
 * Java unless Java's time is clearly the higher (see {@link #javaWins}; a place's time is the least of its last
 * {@value #RECENT} timed chunks), and revisits the other place so that a change during the run (a busier server, a
 * slower link) moves the choice: Java every {@value #REVISIT}nd chunk; the server, whose CPU every visit spends, as
 * often while the two places are close and less often the more a visit costs, so that visits add at most about
 * {@value #REVISIT_BUDGET_PERCENT}% to the side's time (see {@link #revisitEvery}). Chunks of fewer than {@value #MIN_ROWS} rows are too small to time: they
 * alternate between the places but are not measured. A near side never leaves Java on server times older than
 * {@value #STALE} timed chunks: it times its server afresh first. Thread-safe: partitions share one.
 */
public final class HashingPlaces {

    static final int PROBES = 3;
    static final int NEAR_SERVER_PROBES = 2;
    static final int REVISIT = 32;
    /** The most chunks between two visits of the other place: some 10M rows at the default chunk size. */
    static final int REVISIT_MAX = 16 * REVISIT;
    /** What visits of the other place may add to a side's time, in percent (see {@link #revisitEvery}). */
    static final int REVISIT_BUDGET_PERCENT = 1;
    /** A near side's first server chunk settles its server's time when it cost more than this many times Java's. */
    static final double CLEAR = 2.0;
    static final int MIN_ROWS = 200;
    static final int RECENT = 4;
    static final double NEAR_MARGIN = 2.0;
    /** Timed chunks after which a place's latest time is too old to leave Java on (see {@link #next}). */
    static final int STALE = 16;
    /** Chunks of a side that may report while one of its server chunks chosen while probing is still under way. */
    static final int IN_FLIGHT = 16;

    private final Map<Side, State> sides = new EnumMap<>(Side.class);
    private final boolean auto;

    /**
     * @param auto        whether places are chosen at all ({@code hashing: auto}); otherwise every chunk is hashed
     *                    where {@code fixed} says
     * @param sourceJava  whether the source's engine can hash its encoding in Java
     * @param destJava    the same for the destination
     */
    HashingPlaces(boolean auto, boolean sourceJava, boolean destJava) {
        this(auto, sourceJava, destJava, false, false);
    }

    /**
     * @param sourceDistant whether the source's round trip was {@link ChecksumPlan#DISTANT}: it then starts on its
     *                      server, and moves to Java only when Java is faster there; a near side starts in Java and
     *                      moves to its server only when Java is more than {@value #NEAR_MARGIN}× slower
     * @param destDistant   the same for the destination
     */
    HashingPlaces(boolean auto, boolean sourceJava, boolean destJava, boolean sourceDistant, boolean destDistant) {
        this.auto = auto;
        sides.put(Side.SOURCE, new State(sourceJava, sourceDistant));
        sides.put(Side.DESTINATION, new State(destJava, destDistant));
    }

    /** Where {@code side} hashes its next chunk: {@link Hashing#SERVER} or {@link Hashing#CLIENT}. */
    public synchronized Hashing next(Side side) {
        State s = sides.get(side);
        if (!s.inJava) {
            return Hashing.SERVER;
        }
        if (s.probing()) {
            // not measured enough yet: alternate, by chunks tried, so small chunks (not timed) alternate too; a near
            // side tries Java first, through its warm-up and timed chunks, so that its first server chunk is compared
            // with Java's time once compiled (see serverProbes); a distant one tries its server first
            if (!s.distant && s.serverInFlight()) {
                // partitions ask before earlier chunks report: a near side times its server one chunk at a time,
                // so that a first one that settles it is not followed by a second already under way
                return Hashing.CLIENT;
            }
            if (s.count[1] >= s.javaProbes()) {
                return s.server();
            }
            if (s.count[0] >= s.serverProbes()) {
                return Hashing.CLIENT;
            }
            boolean java = s.distant ? s.chunks[1] < s.chunks[0] : s.chunks[1] <= s.chunks[0] + PROBES;
            return java ? Hashing.CLIENT : s.server();
        }
        boolean java = javaWins(s);
        if (!java && !s.distant && s.observed - s.sampledAt[0] > STALE) {
            // About to leave Java on server times measured long ago, perhaps on a quieter machine, against fresh Java
            // times: time the server afresh first (as when probing), so both places are judged under the same
            // load.
            s.count[0] = 0;
            return s.server();
        }
        Hashing best = java ? Hashing.CLIENT : Hashing.SERVER;
        // a visit of the server spends its CPU, the resource auto spares: rationed; a visit of Java may spare it: not
        int every = java ? revisitEvery(s.estimate(0) / s.estimate(1)) : REVISIT;
        if (++s.decisions % every == 0) {
            return best == Hashing.CLIENT ? Hashing.SERVER : Hashing.CLIENT;
        }
        return best;
    }

    /**
     * Whether {@code side} hashes in Java now, or is still trying both places: only then is it worth keeping rows'
     * keys and hashes while they stream (a server-computed checksum keeps none).
     */
    public synchronized boolean prefersJava(Side side) {
        State s = sides.get(side);
        return s.inJava && (s.probing() || javaWins(s));
    }

    /**
     * Chunks between two visits of the server by a side hashing in Java, when the server's time is {@code ratio}
     * times Java's: a visit costs {@code ratio - 1} chunks more than staying, so visits come every {@value #REVISIT}nd
     * chunk, the interval doubled until they add at most {@value #REVISIT_BUDGET_PERCENT}% (and at most
     * {@value #REVISIT_MAX}): every 32nd while the server is within 30% of Java's time, every 512th from four times
     * it. Measured at 10M rows, where the servers took 3.5 to 6 times Java's time: timing them twice and every 128th
     * chunk made {@code auto} 3% slower than {@code client}. Powers of two, so that two sides that visit at different
     * rates still visit on the same chunks, which both then hash in the same encoding.
     */
    static int revisitEvery(double ratio) {
        int every = REVISIT;
        while (every < REVISIT_MAX && (ratio - 1) * 100 > REVISIT_BUDGET_PERCENT * every) {
            every *= 2;
        }
        return every;
    }

    /**
     * Java keeps a near side unless it is more than {@value #NEAR_MARGIN}× slower there, and takes a distant side only
     * when it is faster there. Both places are timed on machines
     * that other work shares: a Java chunk keeps two threads busy (the server sending, Parity hashing) where the
     * server's aggregate keeps one, so contention on shared cores lengthens it more; and hashing in Java spares the
     * server's CPU, which a per-side time cannot see. A slow or narrow link makes Java slower by far more than
     * twice (measured: 2.4 to 3.1× across 10 ms and 200 Mbit/s, 1.2 to 1.9× on two busy local servers).
     */
    private static boolean javaWins(State s) {
        return s.estimate(1) <= (s.distant ? 1.0 : NEAR_MARGIN) * s.estimate(0);
    }

    /** Records that {@code side} hashed {@code rows} rows at {@code place} in {@code nanos}. */
    public synchronized void observe(Side side, Hashing place, long rows, long nanos) {
        State s = sides.get(side);
        int i = place == Hashing.CLIENT ? 1 : 0;
        s.rows[i] += rows;
        s.chunks[i]++;
        if (rows < MIN_ROWS) {
            return;
        }
        if (!s.warm[i]) {
            // the first timed chunk of a place runs code the JIT has not compiled yet: it says nothing of the place
            s.warm[i] = true;
            return;
        }
        s.recent[i][s.count[i] % RECENT] = (double) nanos / rows;
        s.count[i]++;
        s.sampledAt[i] = ++s.observed;
    }

    /**
     * Records {@code rows} of {@code side} that a chunk compared through a query only the server computes (per-bucket
     * checksums or a row hash listing, used when a chunk is expected to differ), so that {@link #describe} gives the
     * share of all compared rows. Not timed: such a query does more than a checksum.
     */
    public synchronized void onServer(Side side, long rows) {
        sides.get(side).rows[0] += rows;
    }

    /** Whether this run chooses places ({@code hashing: auto}). */
    public boolean auto() {
        return auto;
    }

    /** The rows {@code side} hashed at {@code place} so far. */
    public synchronized long rows(Side side, Hashing place) {
        return sides.get(side).rows[place == Hashing.CLIENT ? 1 : 0];
    }

    /**
     * What was chosen and why, for the report: per side, the share of the chunks' rows hashed in each place (rows a
     * chunk compared through per-bucket checksums or listings count as the server's) and the measured
     * time per row of each, e.g. {@code source: in Parity for 94% of rows (0.31 µs a row there, 0.92 µs on the
     * server)}.
     */
    public synchronized String describe() {
        StringBuilder out = new StringBuilder();
        for (Side side : Side.values()) {
            State s = sides.get(side);
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(side.label()).append(": ");
            long total = s.rows[0] + s.rows[1];
            if (!s.inJava) {
                out.append("on the server (this engine hashes its row encoding only on the server)");
                continue;
            }
            if (total == 0) {
                out.append("no rows hashed");
                continue;
            }
            boolean client = s.rows[1] >= s.rows[0];
            int share = (int) Math.round(100.0 * s.rows[client ? 1 : 0] / total);
            out.append(client ? "in Parity" : "on the server").append(" for ").append(share).append("% of rows");
            if (s.count[0] > 0 && s.count[1] > 0) {
                out.append(String.format(Locale.ROOT, " (%s a row in Parity, %s on the server)",
                        micros(s.estimate(1)), micros(s.estimate(0))));
            }
        }
        return out.toString();
    }

    private static String micros(double nanos) {
        return String.format(Locale.ROOT, nanos < 10_000 ? "%.2f µs" : "%.0f µs", nanos / 1000);
    }

    private static final class State {
        final boolean inJava;
        final boolean distant;
        final int[] count = new int[2];      // timed chunks per place: server, client
        final long[] chunks = new long[2];
        final long[] rows = new long[2];
        final boolean[] warm = new boolean[2];
        final double[][] recent = new double[2][RECENT];
        long decisions;
        long observed;                       // timed chunks of either place so far
        long awaitServer = -1;               // chunks[0] once the server chunk last chosen while probing reports
        long awaitSince;                     // chunks of either place reported when it was chosen
        final long[] sampledAt = new long[2]; // the value of observed at each place's latest timed chunk

        State(boolean inJava, boolean distant) {
            this.inJava = inJava;
            this.distant = distant;
            warm[0] = true; // the server's aggregate runs no code of Parity's that the JIT has yet to compile
        }

        /**
         * Timed Java chunks a side needs before it judges: {@value #PROBES}, or one for a distant side, where each
         * costs its rows' transfer across the slow link.
         */
        int javaProbes() {
            return distant ? 1 : PROBES;
        }

        /**
         * Timed server chunks a side needs before it judges: {@value #PROBES} for a distant side, where the server is
         * the likely place; {@value #NEAR_SERVER_PROBES} for a near one, where each costs the server's CPU, or one
         * when that one cost more than {@value #CLEAR}× Java's time.
         */
        int serverProbes() {
            if (distant) {
                return PROBES;
            }
            // a near side keeps Java unless Java takes more than twice its server's time: a first server chunk over
            // twice Java's time settles it (a second one would have to be four times faster to change the choice)
            return count[0] == 1 && count[1] > 0 && estimate(0) > CLEAR * estimate(1) ? 1 : NEAR_SERVER_PROBES;
        }

        /** The server, chosen while probing: remembered until it reports (see {@link #serverInFlight}). */
        Hashing server() {
            awaitServer = chunks[0] + 1;
            awaitSince = chunks[0] + chunks[1];
            return Hashing.SERVER;
        }

        /**
         * Whether a server chunk chosen while probing has yet to report; forgotten after {@value #IN_FLIGHT} other
         * chunks report meanwhile, so that one that failed (and never reports) does not stop the timing.
         */
        boolean serverInFlight() {
            return chunks[0] < awaitServer && chunks[0] + chunks[1] - awaitSince < IN_FLIGHT;
        }

        boolean probing() {
            return count[0] < serverProbes() || count[1] < javaProbes();
        }

        /**
         * A place's time per row: the least of its last {@value #RECENT} timed chunks. Contention (the other side, other
         * partitions, the JIT still compiling) only ever adds to a chunk's time, so the least is the place's own cost;
         * a link that became slower shows once its last few chunks are all slower.
         */
        double estimate(int place) {
            int n = Math.min(count[place], RECENT);
            double least = Double.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                least = Math.min(least, recent[place][k]);
            }
            return least;
        }
    }
}
