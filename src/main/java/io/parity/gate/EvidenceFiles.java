package io.parity.gate;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.core.PrivateFiles;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The per-step evidence files of a run, {@code reports/<job>/<run>/<step-id>.json}. They are written as each step
 * ends and are the source of the JUnit and Markdown reports, so a report assembled after a pause and a resume shows
 * every step of the run, whichever execution ran it.
 */
public final class EvidenceFiles {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private EvidenceFiles() {
    }

    public static Path file(Path runDir, String stepId) {
        return runDir.resolve(stepId + ".json");
    }

    public static Path write(Path runDir, String stepId, Map<String, Object> evidence) {
        Path file = file(runDir, stepId);
        try {
            PrivateFiles.write(file, JSON.writeValueAsString(evidence) + "\n");
            return file;
        } catch (IOException | RuntimeException e) {
            throw new ParityException(Failure.INCOMPLETE, "cannot write evidence " + file + " (" + e.getMessage()
                    + "); choose a writable --report-dir", e);
        }
    }

    public static Optional<Map<String, Object>> read(Path runDir, String stepId) {
        Path file = file(runDir, stepId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), MAP));
        } catch (IOException | RuntimeException e) {
            throw new ParityException(Failure.INCOMPLETE, "cannot read evidence " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** The outcome recorded in an evidence file. */
    public static StepOutcome outcome(Map<String, Object> e) {
        Object started = e.get("started");
        Object millis = e.get("took_ms");
        return new StepOutcome(String.valueOf(e.get("step")), String.valueOf(e.get("kind")), String.valueOf(e.get("name")),
                StepStatus.valueOf(String.valueOf(e.get("status"))), Boolean.TRUE.equals(e.get("required")),
                String.valueOf(e.getOrDefault("reason", "")), started == null ? null : Instant.parse(started.toString()),
                millis instanceof Number n ? n.longValue() : 0L);
    }
}
