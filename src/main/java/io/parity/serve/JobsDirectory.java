package io.parity.serve;

import io.parity.core.ParityException;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The scheduled jobs of a directory: every {@code *.yml}/{@code *.yaml} with a {@code schedule:}. Specs without one are
 * reported as skipped, not refused, so a directory shared with {@code parity verify} works; a bad spec or schedule
 * stops start-up, because a service that silently drops a job would look healthy while checking nothing.
 */
public final class JobsDirectory {

    private JobsDirectory() {
    }

    public static List<ScheduledJob> load(Path dir, SpecLoader loader, Consumer<String> notes) {
        if (!Files.isDirectory(dir)) {
            throw ParityException.badInput("--jobs " + dir + " is not a directory; pass the directory holding the job specs");
        }
        List<ScheduledJob> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : specFiles(dir)) {
            JobSpec spec = loader.load(file);
            if (spec.schedule() == null) {
                notes.accept(file + " has no schedule: and is not run by serve");
                continue;
            }
            ScheduledJob job = new ScheduledJob(spec, spec.schedule());
            if (!names.add(job.name())) {
                throw ParityException.badInput(file + ": name: job '" + job.name() + "' is defined twice in " + dir
                        + "; give each spec its own name");
            }
            jobs.add(job);
        }
        if (jobs.isEmpty()) {
            throw ParityException.badInput("no job spec in " + dir + " has a schedule:; add e.g. \"schedule: '0 */15 * * * *'\"");
        }
        return List.copyOf(jobs);
    }

    private static List<Path> specFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw ParityException.badInput("--jobs " + dir + " cannot be listed (" + e.getMessage() + ")");
        }
    }
}
