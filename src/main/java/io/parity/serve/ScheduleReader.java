package io.parity.serve;

import io.parity.core.ParityException;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a spec's {@code schedule:} (a Spring cron expression: six fields, seconds first, or a macro such as
 * {@code @hourly}). Kept apart from {@link io.parity.config.JobSpec} because only {@code parity serve} acts on it; the
 * spec reader merely accepts the key so the same file works with {@code parity verify}.
 */
public final class ScheduleReader {

    private ScheduleReader() {
    }

    /** The file's schedule, or empty when it has none (the job is listed but never run by serve). */
    public static Optional<String> read(Path file) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw ParityException.badInput(file + ": cannot be read as YAML (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
        if (!(root instanceof Map<?, ?> map) || map.get("schedule") == null) {
            return Optional.empty();
        }
        return Optional.of(validate(file, String.valueOf(map.get("schedule")).trim()));
    }

    static String validate(Path file, String expression) {
        try {
            CronExpression.parse(expression);
            return expression;
        } catch (IllegalArgumentException e) {
            throw ParityException.badInput(file + ": schedule: '" + expression + "' is not a cron expression ("
                    + e.getMessage() + "); write six fields, seconds first, e.g. '0 */15 * * * *' for every 15 minutes");
        }
    }
}
