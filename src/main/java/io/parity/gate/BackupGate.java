package io.parity.gate;

import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.spec.Durations;
import io.parity.spec.GateSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code backup}: a backup newer than {@code max-age} exists. Its time comes either from {@code query} (run on
 * {@code side}, default source; the first column of the first row, a timestamp or epoch seconds) or from the
 * modification time of {@code file}. The query is the operator's own SQL from the spec, e.g.
 * {@code SELECT MAX(finished_at) FROM ops.backups WHERE status = 'ok'}.
 */
public final class BackupGate implements Gate {

    public static final String NAME = "backup";

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        Instant taken;
        String from;
        if (settings.has("file")) {
            Path file = context.resolve(settings.string("file", ""));
            from = "file " + file;
            taken = modified(file);
        } else {
            Side side = "destination".equals(settings.string("side", "source").toLowerCase(Locale.ROOT))
                    ? Side.DESTINATION : Side.SOURCE;
            from = "query on the " + side.label();
            taken = context.on(side, "running the backup query", (c, sql) -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(settings.string("query", ""))) {
                    if (!rs.next()) {
                        return null;
                    }
                    Object v = rs.getObject(1);
                    if (v instanceof Number n) {
                        return Instant.ofEpochSecond(n.longValue());
                    }
                    Timestamp ts = rs.getTimestamp(1);
                    return ts == null ? null : ts.toInstant();
                }
            });
        }
        Instant now = context.clock().instant();
        values.put("source", from);
        values.put("backup_time", taken == null ? null : taken.toString());
        values.put("age_seconds", taken == null ? null : Duration.between(taken, now).toSeconds());
        String text = taken == null ? "no backup found (" + from + ")"
                : "newest backup " + taken + ", " + Durations.format(Duration.between(taken, now)) + " old (" + from + ")";
        return new Observation(now, text, values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        Observation last = series.get(series.size() - 1);
        Duration maxAge = settings.duration("max-age", Duration.ofHours(24));
        Long age = last.number("age_seconds");
        if (age == null) {
            return Decision.fail(last.text() + "; take a backup of the source before switching");
        }
        if (age > maxAge.toSeconds()) {
            return Decision.fail(last.text() + ", older than max-age " + Durations.format(maxAge)
                    + "; take a fresh backup of the source");
        }
        return Decision.pass(last.text() + ", within max-age " + Durations.format(maxAge));
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw ParityException.incomplete("backup: cannot read the modification time of " + file + " ("
                    + e.getMessage() + ")", e);
        }
    }
}
