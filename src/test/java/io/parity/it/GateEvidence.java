package io.parity.it;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads the evidence a gate run wrote under a report directory. */
final class GateEvidence {

    private GateEvidence() {
    }

    /** The newest run directory of {@code job} under {@code reports}. */
    static Path latestRun(Path reports, String job) {
        try (Stream<Path> runs = Files.list(reports.resolve(job))) {
            return runs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .max((a, b) -> Long.compare(Long.parseLong(a.getFileName().toString()),
                            Long.parseLong(b.getFileName().toString())))
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The evidence of {@code step} in the newest run that has it: a consistent gate's own verify run takes a newer
     * run id under the same job directory.
     */
    static JsonNode latest(Path reports, String job, String step) {
        try (Stream<Path> runs = Files.list(reports.resolve(job))) {
            Path run = runs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> Files.exists(p.resolve(step + ".json")))
                    .max((a, b) -> Long.compare(Long.parseLong(a.getFileName().toString()),
                            Long.parseLong(b.getFileName().toString())))
                    .orElseThrow();
            return read(run, step);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path runDir, String step) {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(runDir.resolve(step + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode lastObservation(JsonNode evidence) {
        JsonNode series = evidence.get("observations");
        return series.get(series.size() - 1).get("values");
    }
}
