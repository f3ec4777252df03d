package io.parity.spec;

import io.parity.core.HashAlgorithm;
import io.parity.core.Hashing;
import io.parity.spec.SpecDocument.OptionsDocument;
import io.parity.spec.SpecDocument.RecheckDocument;
import io.parity.spec.SpecDocument.RetryDocument;
import io.parity.spec.SpecDocument.ThrottleDocument;

import java.time.Duration;

/** The {@code options:} block, from its text to {@link Options}: defaults for what is absent, a problem per bad value. */
final class OptionRules {

    private final Values values;

    OptionRules(Values values) {
        this.values = values;
    }

    Options options(OptionsDocument doc) {
        Options defaults = Options.defaults();
        if (doc == null) {
            return defaults;
        }
        Hashing hashing = values.choice(doc.hashing(), "options.hashing", Hashing::parse, Hashing.AUTO,
                "is not a place to hash rows; use auto, server or client");
        int chunkRows = values.count(doc.chunkRows(), "options.chunk-rows", hashing != Hashing.SERVER
                ? Options.DEFAULT_CLIENT_CHUNK_ROWS : Options.DEFAULT_CHUNK_ROWS, 1, 100_000_000);
        int parallelism = values.count(doc.parallelism(), "options.parallelism", Options.CHOSEN, 1, 64);
        HashAlgorithm hash = values.choice(doc.hash(), "options.hash", HashAlgorithm::parse, null,
                "is not a hash; use sha1, crc64 or md5");
        Duration lockWait = values.duration(doc.lockWaitTimeout(), "options.lock-wait-timeout",
                defaults.lockWaitTimeout());
        Duration fenceTimeout = values.duration(doc.fenceTimeout(), "options.fence-timeout",
                Options.DEFAULT_FENCE_TIMEOUT);
        Reconcile reconcile = values.choice(doc.reconcile(), "options.reconcile", Reconcile::parse,
                Reconcile.ROW_HASHES, "is not a way to reconcile; use row-hashes or buckets");
        Boundaries boundaries = values.choice(doc.boundaries(), "options.boundaries", Boundaries::parse,
                Boundaries.ARITHMETIC, "is not a way to find chunk boundaries; use arithmetic or index");
        return new Options(chunkRows, parallelism, hash, recheck(doc.recheck(), defaults.recheck()),
                retry(doc.retry(), defaults.retry()), throttle(doc.throttle()), lockWait, fence(doc.fence()),
                fenceTimeout, hashing, chunkTime(doc.chunkTime()), reconcile, boundaries);
    }

    private FenceMode fence(String text) {
        return values.choice(text, "options.fence", t -> switch (t.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> FenceMode.AUTO;
            case "gtid", "lsn" -> FenceMode.GTID;
            case "none" -> FenceMode.NONE;
            default -> throw new IllegalArgumentException(t);
        }, FenceMode.AUTO, "is not a fence; use auto, gtid (lsn on PostgreSQL) or none");
    }

    /** 10ms to 1h, or {@code off} (which YAML 1.1 reads as {@code false}). */
    private Duration chunkTime(String text) {
        if (text == null || text.equalsIgnoreCase("off") || text.equals("false")) {
            return null;
        }
        Duration chunkTime = values.duration(text, "options.chunk-time", null);
        if (chunkTime != null && (chunkTime.toMillis() < 10 || chunkTime.toHours() > 1)) {
            values.problem("options.chunk-time", "'" + text + "' is out of range; use 10ms to 1h, or off");
            return null;
        }
        return chunkTime;
    }

    private RecheckPolicy recheck(RecheckDocument doc, RecheckPolicy fallback) {
        if (doc == null) {
            return fallback;
        }
        int attempts = values.count(doc.attempts(), "options.recheck.attempts", fallback.attempts(), 0, 20);
        Duration delay = values.duration(doc.delay(), "options.recheck.delay", fallback.delay());
        double multiplier = fallback.multiplier();
        if (doc.multiplier() != null) {
            try {
                multiplier = Double.parseDouble(doc.multiplier().trim());
            } catch (NumberFormatException e) {
                multiplier = Double.NaN;
            }
            if (!(multiplier >= 1 && multiplier <= 10)) {
                values.problem("options.recheck.multiplier", "'" + doc.multiplier() + "' is not a number from 1 to 10");
                multiplier = fallback.multiplier();
            }
        }
        Duration maxWait = values.duration(doc.maxWait(), "options.recheck.max-wait", fallback.maxWait());
        return new RecheckPolicy(attempts, delay, multiplier, maxWait);
    }

    private RetryPolicy retry(RetryDocument doc, RetryPolicy fallback) {
        if (doc == null) {
            return fallback;
        }
        return new RetryPolicy(values.count(doc.attempts(), "options.retry.attempts", fallback.attempts(), 0, 20),
                values.duration(doc.delay(), "options.retry.delay", fallback.delay()));
    }

    private ThrottlePolicy throttle(ThrottleDocument doc) {
        if (doc == null) {
            return ThrottlePolicy.none();
        }
        Integer threads = values.count(doc.threadsRunning(), "options.throttle.threads-running", null, 0, 100_000);
        Duration lag = values.duration(doc.replicaLag(), "options.throttle.replica-lag", null);
        Integer rows = values.count(doc.rowsPerSecond(), "options.throttle.rows-per-second", null, 0,
                Integer.MAX_VALUE);
        Duration stoppedWait = values.duration(doc.stoppedReplicaWait(), "options.throttle.stopped-replica-wait",
                ThrottlePolicy.DEFAULT_STOPPED_REPLICA_WAIT);
        java.util.List<String> replicas = doc.replicas() == null ? java.util.List.of()
                : doc.replicas().stream().filter(java.util.Objects::nonNull).map(String::trim).toList();
        for (int i = 0; i < replicas.size(); i++) {
            if (!replicas.get(i).startsWith("jdbc:")) {
                values.problem("options.throttle.replicas[" + i + "]", "'" + replicas.get(i)
                        + "' is not a JDBC URL; write it as jdbc:mysql://replica1:3306/");
            }
        }
        if (!replicas.isEmpty() && lag == null) {
            values.problem("options.throttle.replicas", "are watched for their lag; set options.throttle.replica-lag too");
        }
        return new ThrottlePolicy(threads, lag, rows == null ? null : rows.longValue(), replicas,
                stoppedWait == null ? ThrottlePolicy.DEFAULT_STOPPED_REPLICA_WAIT : stoppedWait);
    }
}
